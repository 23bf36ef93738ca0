import { defineMessages } from './define';

// Evidence uploads: what to send, what was received, and why a file was refused (one message per error kind of
// services/evidence/types.ts).

export const evidence = defineMessages({
  'evidence.heading': { zh: '上传凭证', en: 'Upload evidence' },
  'evidence.askRequired': {
    zh: '“{reason}”需要凭证：请发送能看出问题的照片或视频（至少一张照片或一段视频），有发票也可以发 PDF。',
    en: '"{reason}" needs evidence: please send photos or videos that show the problem (at least one photo or video); PDF invoices are welcome too.',
  },
  'evidence.askOptional': {
    zh: '如果有照片、视频或 PDF 发票，可以发给我，能帮商家更快处理；没有的话点“没有文件，跳过”。',
    en: 'If you have photos, videos or a PDF invoice, send them: they help the shop decide faster. If not, tap "No files, skip".',
  },
  'evidence.askForced': {
    zh: '请发送能看出问题的照片或视频，有发票也可以发 PDF。',
    en: 'Please send photos or videos that show the problem; PDF invoices are welcome too.',
  },
  'evidence.limits': {
    zh: '可以分几次发送，最多 {files} 个文件；照片和 PDF 每个不超过 {imageMb} MB，视频不超过 {videoMb} MB。支持 JPEG、PNG、WebP、HEIC 照片，MP4、MOV 视频和 PDF。',
    en: 'Send them in as many messages as you like, up to {files} files; photos and PDFs up to {imageMb} MB each, videos up to {videoMb} MB. JPEG, PNG, WebP and HEIC photos, MP4 and MOV videos and PDFs are accepted.',
  },
  'evidence.sendMore': {
    zh: '已收到 {count} 个文件。还有的话继续发送，发完点“完成”。',
    en: '{count} file(s) received so far. Send more if you have them, then tap Done.',
  },
  'evidence.done': { zh: '完成', en: 'Done' },
  'evidence.skip': { zh: '没有文件，跳过', en: 'No files, skip' },
  'evidence.receivedHeading': { zh: '文件接收情况', en: 'Your files' },
  'evidence.accepted': { zh: '已收到：{name}（{kind}，{size}）', en: 'Received: {name} ({kind}, {size})' },
  'evidence.duplicate': { zh: '{name} 之前已经收到过，不重复添加。', en: '{name} was already received; not added twice.' },
  'evidence.refused': { zh: '未收下：{reason}', en: 'Not accepted: {reason}' },
  'evidence.fileN': { zh: '文件 {n}', en: 'file {n}' },
  'evidence.kind.image': { zh: '照片', en: 'photo' },
  'evidence.kind.video': { zh: '视频', en: 'video' },
  'evidence.kind.pdf': { zh: 'PDF 文件', en: 'PDF' },
  'evidence.stillRequired': {
    zh: '还需要至少一张照片或一段视频才能提交“{reason}”的申请。请发送文件；如果拍不了照片，可以转人工客服。',
    en: '"{reason}" needs at least one photo or video before it can be filed. Please send a file; if you cannot take one, talk to a person.',
  },
  'evidence.requiredNoSkip': {
    zh: '“{reason}”的申请必须有照片或视频凭证，不能跳过。请发送文件，或转人工客服。',
    en: '"{reason}" cannot be filed without a photo or video. Please send one, or talk to a person.',
  },
  'evidence.notUnderstood': {
    zh: '请直接在对话里发送照片、视频或 PDF 文件；发完点“完成”。',
    en: 'Please send photos, videos or PDFs right here in the chat, then tap Done.',
  },
  'evidence.kept': { zh: '文件已作为凭证保存。', en: 'Your files are kept as evidence.' },

  // One message per evidence error kind.
  'evidence.error.host_not_allowed': {
    zh: '{name} 来自不受信任的网站（{host}），无法下载。请直接在对话里上传文件。',
    en: '{name} comes from a site I cannot download from ({host}). Please upload the file here in the chat instead.',
  },
  'evidence.error.too_large': {
    zh: '{name} 太大了（{size} MB），{kind}不能超过 {limit} MB。',
    en: '{name} is too large ({size} MB); a {kind} may be at most {limit} MB.',
  },
  'evidence.error.too_large_unknown': {
    zh: '{name} 太大了，文件不能超过 {limit} MB。',
    en: '{name} is too large; a file may be at most {limit} MB.',
  },
  'evidence.error.unsupported_type': {
    zh: '{name} 不是照片、视频或 PDF（看起来是{detected}）。只接受 JPEG、PNG、WebP、HEIC 照片，MP4、MOV 视频和 PDF。',
    en: '{name} is not a photo, video or PDF (it looks like {detected}). Only JPEG, PNG, WebP and HEIC photos, MP4 and MOV videos and PDFs are accepted.',
  },
  'evidence.error.fetch_failed': {
    zh: '{name} 下载失败，请重新发送一次。',
    en: 'I could not download {name}; please send it again.',
  },
  'evidence.error.timeout': {
    zh: '{name} 下载超时，请稍后重新发送，或发送小一点的文件。',
    en: 'Downloading {name} took too long; please send it again, or send a smaller file.',
  },
  'evidence.error.too_many_files': {
    zh: '{name} 没有收下：每份申请最多 {limit} 个文件。',
    en: '{name} was not added: a request can hold at most {limit} files.',
  },
  'evidence.error.empty': { zh: '{name} 是空文件。', en: '{name} is empty.' },
  'evidence.error.bad_data_url': {
    zh: '{name} 上传时损坏了，无法读取，请重新发送。',
    en: '{name} was damaged on the way and cannot be read; please send it again.',
  },

  'evidence.detected.exe': { zh: '可执行程序', en: 'a program' },
  'evidence.detected.elf': { zh: '可执行程序', en: 'a program' },
  'evidence.detected.gif': { zh: 'GIF 动图', en: 'a GIF animation' },
  'evidence.detected.zip': { zh: '压缩包', en: 'a zip archive' },
  'evidence.detected.gzip': { zh: '压缩包', en: 'a compressed archive' },
  'evidence.detected.bmp': { zh: 'BMP 图片', en: 'a BMP image' },
  'evidence.detected.tiff': { zh: 'TIFF 图片', en: 'a TIFF image' },
  'evidence.detected.avif': { zh: 'AVIF 图片', en: 'an AVIF image' },
  'evidence.detected.audio': { zh: '音频文件', en: 'an audio file' },
  'evidence.detected.html': { zh: '网页', en: 'a web page' },
  'evidence.detected.svg': { zh: 'SVG 矢量图', en: 'an SVG drawing' },
  'evidence.detected.xml': { zh: 'XML 文本', en: 'an XML document' },
  'evidence.detected.other': { zh: '无法识别的格式', en: 'an unrecognised format' },
});
