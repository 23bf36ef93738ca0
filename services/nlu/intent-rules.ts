import type { Intent } from './types';

// Weighted phrase patterns per intent, run on normalised text (lower case, NFKC, apostrophes dropped,
// ids replaced by #order / #case / #track / #num, common English misspellings corrected). Each rule adds
// its weight once; negative weights are the negation and priority handling ("I don't want the refund
// any more" is withdrawing a case, not filing one). Weights: ~1 a hint, ~2 a typical phrase, 3-4 a phrase
// that settles it.

export interface IntentRule {
  intent: Intent;
  re: RegExp;
  w: number;
}

const r = (intent: Intent, w: number, ...res: RegExp[]): IntentRule[] => res.map((re) => ({ intent, re, w }));

// Building blocks (English)
const REFUND = '(?:refund\\w*|reimburs\\w*|money back|my money|compensation|rebate|chargeback)';
const RET = '(?:return\\w*|send (?:it |this |them |the \\w+ )?back|ship (?:it |this |them |the \\w+ )?back|exchange\\w*|swap|replace\\w*)';
const CASE = '(?:refund|return|exchange|reimbursement|rma)(?: request| application| claim| case)?|(?:request|application|claim|case) for (?:a )?(?:refund|return|exchange)|case(?: #case)?|#case|claim';
const ORDER = '(?:order\\w*|purchase\\w*|#order)';
const PARCEL = '(?:order|package|parcel|shipment|delivery|stuff|item|items|goods|box|product|things?|#order)';
const NOT_YET = '(?:not|never|havent|hasnt|didnt|dont|doesnt|isnt|arent|wasnt|still (?:not|no)|yet to|no)';

export const RULES: IntentRule[] = [
  // ---------------- file_refund ----------------
  ...r('file_refund', 1.6, new RegExp(`\\b${REFUND}`), /退款|退钱|退个款|退我钱|赔偿|赔钱|补偿|退一赔三|仅退款/),
  ...r('file_refund', 1.2, new RegExp(`\\b${RET}\\b`), /退货|退掉|退了吧|退回|换货|调换|更换|换一?个|换成|换(个|一个)?(大|小)?(码|号|尺码|颜色|款)|售后/),
  ...r(
    'file_refund',
    1.6,
    new RegExp(`\\b(?:want|wanna|need|like|request\\w*|get|give|claim|apply(?:ing)? for|file|open|start|issue|process|demand)\\b.{0,25}\\b(?:${REFUND}|return\\b|exchange|replacement|swap)`),
    new RegExp(`\\b(?:can|could|may) i (?:get|have|please get|return|exchange|swap|send)\\b.{0,20}(?:${REFUND}|back|return|exchange|replacement|for (?:a|another|size))`),
    /(要|想|申请|能|可以|给我|帮我|怎么|如何|我要|要求)(退|换|申请售后|售后)|(可以|能|能不能|可不可以|行不行)退|退吗|能退|换吗|(refund|return) please|please (refund|return)/,
  ),
  // Something wrong with the item received.
  ...r(
    'file_refund',
    1.5,
    /\b(broken|broke|damaged|defective|faulty|cracked|shattered|smashed|crushed|torn|ripped|stained?|leak\w*|expired|rotten|moldy|mouldy|dented|scratched|dead pixels?|unsafe|fake|counterfeit|knock ?off|knockoff)\b/,
    /\b(not working|doesnt work|dont work|does not work|stopped working|quit working|wont (turn on|charge|work)|(poor|bad|low|terrible|awful) quality|quality is|fell apart|came apart|falling apart|coming off|smells? like|hole in)\b/,
    /\b(wrong (item|size|colou?r|product|model|one|thing|version)|not what i ordered|instead of|different from|nothing like|doesnt match|not as (described|advertised|pictured)|looks different|missing|incomplete|too (small|big|large|tight|loose|short|long)|doesnt fit|dont fit|does not fit)\b/,
    /\b(ordered|paid for|bought) (a |an |the )?(size )?\w+ (and|but) (got|received|there was|only)/,
    /\b(loose|rattl\w*|squeak\w*|buzz\w*|noisy|makes? (a )?(weird |strange |loud )?noise|flicker\w*|see-?through|empty|wet|soaked|water damaged|smok\w*|sparks?|overheat\w*|bent|warped|wobbly|uneven|chipped|frayed|not what the (photos?|pictures?|images?|listing|ad) (showed|show|said|looked like)|not the same as|snapped|broke off|fell off|came off|peeling|doesnt keep time|keeps? (breaking|crashing|freezing)|false advertising|scratch\w*|dent\w*|rip|rips|hole|holes|junk|garbage|rubbish|used one|second ?hand|refurbished|no sound|wont (turn on|start|power on|open|close|connect)|doesnt (turn on|charge|connect|fit|close|open)|not (new|genuine|authentic|original)|shrunk|shrank|faded|mold|bugs? in|dead on arrival|doa|wrong flavou?r)\b/,
    /不准|走时|一长一短|一大一小|长短不一|大小不一|不对称|冒烟|烧了|烧焦|烧坏|短路|湿透|泡了|泡水|进水|受潮|凹|不平|歪的|歪了|裂缝|缺角|掉了|起皮|空盒|空箱|是空的|没给我|没送|没附|漏给|赠品没|少给|尺寸根本不对|贴不上|大小不一|不一样大|压扁|压瘪|瘪了|凹了|虚假宣传|货不对|假冒|snapped|开胶|脱线|线头|没声音|没有声音|杂音|噪音|划痕|划伤|刮花|磨损|缩水|变形|生锈|掉漆|掉皮|脱落|松动|卡顿|死机|黑屏|花屏|漏电|发烫|断了|断裂|少页|空白页|污渍|脏|有虫|死了|不新鲜|化了|融化|漏气|不灵|不匹配|不兼容|二手|用过的|旧的|翻新|不满意|不是正品|非正品|残次|次品|劣质|做工差|没法用|没办法用|装不上|装不起来|打不开|连不上|充不上|不出水|不制冷|不加热|不转|少件|数量不对|只收到/,
    /坏|破|碎|裂|烂|臭|漏|瑕疵|质量|不能用|用不了|开不了机|不亮|不响|没反应|失灵|故障|起球|掉色|褪色|开线|脱胶|异味|发霉|过期|变质|假货|假的|山寨|仿|色差|不符|不一样|差距|货不对板|发错|错发|寄错|少发|漏发|缺少|少了|缺了|不全|不合适|不合脚|太大|太小|太短|太长|不对|不是我(买|要|拍|订)的|有问题|不好用|洞/,
  ),
  ...r('file_refund', 2, /^(我要|我想|要|想)?(退款|退钱|退货|换货|refund|return)(了|吧|啊)?([\s,.!~]*(退款|退钱|退货|refund))*[\s,.!~]*$/),
  ...r('file_refund', 2.5, /\b(want|wanna|would like|like|need|going) to (send|ship|return|mail|take) (it|this|them|these|those|the \w+) back\b/, /(不要了|不满意|不喜欢|有问题|不行)[\s,.!~，。]*(退了|退掉|退吧|给我退)|^退了吧?$|[,.，。\s](退了|退掉)[!.。！]*$/),
  ...r('file_refund', 2.5, /\b(sent|shipped|gave|delivered|got|received)\b.{0,30}\b(i|we) (paid|ordered|asked|chose|picked|selected) for\b|\b(i|we) (paid|ordered) for .{1,30}\b(but|and) (got|received|you sent|they sent)\b/),
  ...r('file_refund', 2, /七天无理由|7天无理由|无理由退|no reason|changed my mind/),
  ...r('file_refund', 1, /不想要了|不要了|不喜欢|买错|拍错|by mistake|accidentally|dont (like|want) (it|them)|not happy with|unhappy with/),
  ...r('file_refund', 0.8, /\b(received|got|arrived|came|delivered)\b(?! to\b)|收到|到货|到手|打开|拆开/),
  ...r('file_refund', 2, /\b(change|swap|switch|exchange)\b.{0,25}\b(size|colou?r|model|style)\b/),

  // ---------------- refund_status ----------------
  ...r(
    'refund_status',
    2.6,
    new RegExp(`\\b(?:where(?!\\s+(?:do|can|could|should|would|to|i)\\b)|status|updates?|progress|news|anything new|happening|happened|going on)\\b.{0,30}\\b(?:${REFUND}|return request|(?:refund|return) (?:request|application|claim)|#case|case)`),
    new RegExp(`${REFUND}.{0,40}\\b(?:yet|still|pending|processing|processed|approved|accepted|rejected|declined|denied|went through|gone through|complete[d]?|done|arrived?|hit|show|reach|appear|take|takes|taking|status|update|progress)\\b`),
    new RegExp(`\\b${NOT_YET}\\b.{0,20}\\b(?:got|get|gotten|received?|seen|see|had)\\b.{0,15}(?:${REFUND}|the money|my money|money back)`),
    new RegExp(`\\bwhen\\b.{0,30}(?:${REFUND}|money|refunded|paid back|credited)`),
    new RegExp(`\\bhow long\\b.{0,40}(?:${REFUND}|money|refunded|credited)`),
    /\b(did|has|have|will) (the )?(seller|merchant|shop|store|you|they) (accept|approve|respond|process|receive|reply|got|get|agree)\w*/,
    /\b(been|was|were|got|get) (approved|rejected|declined|denied|processed|refunded|issued|sent|paid|completed|credited|released)\b/,
    /\b(confirm|verify|see if|know if|tell me if|check if|check whether)\b.{0,20}\b(refund|money|reimbursement)\b/,
    /\bwhere(s| is| has)? (is )?my (money|refund|cash)\b|\b(and|but|still) no (refund|money)\b|\b(see|get) (the|my) money back (on|in|to)\b|\b(did|have|has) (you|they|the seller|the merchant|the shop) (get|got|received?) (my|the) return/,
    /\b(seller|merchant|shop|store|they|nobody|no one|you)\b.{0,12}\b(hasnt|havent|didnt|not|never|still not)\b.{0,10}\b(respond|responded|replied|reply|answer|answered|process|processed|handled|looked|approved|accepted)/,
    /\b(has|have|did|is|was|were)\b.{0,10}\b(money|refund|payment|reimbursement)\b.{0,15}\b(been )?(sent|paid|returned|credited|issued|transferred|processed|refunded|released)\b/,
    /\b(check\w*|track\w*|trace|follow\w* up on|chase)\b.{0,20}(refund|reimburs|compensation|money|return request|case)/,
  ),
  ...r(
    'refund_status',
    2.8,
    /(退款|退的钱|钱|款|退货|售后|申请).{0,8}(什么时候|何时|啥时候|多久|几天|多长时间|到账|到哪|去哪|哪里了|进度|状态|结果|成功|好了没|了吗|了没|没有\?|审核|通过|处理|同意|拒|回来|到了吗|呢|怎么样|还没到|没到|没收到|还没有|没退|没有到|还没|在哪|哪里查|哪查|怎么查|在哪里)/,
    /(申请|提交|寄回|退回|退货).{0,10}(几天|好几天|一周|一个星期|\d+天|很久|半天|多天|半个月).{0,8}(没|不|还|呢)/,
    /(什么时候|何时|啥时候|多久|几天|怎么还|咋还|还没|为什么还|为啥还|一直|怎么还不|还不|咋还不).{0,8}(退款|退钱|给我退|退给我|到账|钱|款)/,
    /到账|退款进度|退款状态|售后进度|处理进度|审核进度|进度|进展|退款失败|退款被拒|没退成|退款异常|退款关闭|退款(没|不)成功/,
    /(申请|售后|退款|退货|换货|处理).{0,10}(到哪一步|哪一步|什么阶段|怎么样了)|(想知道|了解一下|问一下|查一下|看一下|看看).{0,6}(退款|退货|售后|换货)/,
    /(商家|卖家|店家|你们).{0,6}(同意|收到|处理|审核|拒绝|驳回|通过|回复)(了)?(吗|没|没有|\?)/,
  ),
  ...r('refund_status', 2, /\b(track\w*|check\w* (on|up on)|status)\b.{0,20}\brefund|\brefund\w* status\b/),
  ...r('refund_status', 1.5, /\b(yet|still nothing|nothing yet|so long|forever)\b|说好的/),
  ...r('refund_status', 2.5, /退(到|回|给)(哪|哪里|花呗|余额|银行卡|卡里|支付宝|微信|原账户|原路)|原路(返回|退回)|工作日|第.{1,3}天了|待退款|\bwaiting (on|for) (that|my|the) (refund|money)|\b(refund|money) (you|they) promised\b|\b(processed|received|got) the return\b/),
  ...r('refund_status', 2.5, /\b(business|working) days?\b.{0,30}\b(refund|money|credit)|\b(refund|money|credit)\b.{0,30}\b(business|working) days?\b/),
  ...r('refund_status', 3.5, /(退回去|寄回去|退回|寄回|发回)的?(东西|货|商品|包裹|快递).{0,8}(收到|签收)(没|了吗|了没|吗|没有)/, /\b(refund|money|reimbursement)\b.{0,30}\b(but|yet|still)\b.{0,30}\b(nothing|not|no|havent|hasnt|dont see|cant see|isnt)\b/),
  ...r('refund_status', 2, /没反应|没人处理|没人理|不处理|没处理/),

  // ---------------- return_shipping ----------------
  ...r(
    'return_shipping',
    3,
    /\breturn\w* (address|label|shipping|postage|freight|fee|cost|parcel|package|tracking|courier|pick ?up|by mail|deadline|window|instructions|procedure|process)\b/,
    /\b(send|ship|mail|post|posted|sent|shipped|mailed|drop\w*|bring|courier|deliver)\w*\b.{0,25}\b(back|the return|my return|a return|return parcel|return package)\b/,
    /\b(pick ?up|collect|collection)\b.{0,25}\b(return|parcel|package|item|from my|house|home)|\b(arrange|book|schedule)\b.{0,10}\b(pick ?up|collection|courier)/,
    /\b(how|where|what)\b.{0,25}\b(do|can|should|to)\b.{0,10}\b(return|send|ship|mail|post)\b.{0,15}\b(it|item|items|back|them|this|the|product|goods|order)?\b/,
    /\b(post office|prepaid label|shipping label|return label|who pays|pay for (the )?(return )?shipping|shipping (fee|cost|costs) (for|of) (the )?return)\b/,
    /\b(how (many days|long) do i have|deadline|by when|within how many days|how much time do i have)\b.{0,30}\b(send|ship|mail|return|post)/,
    /退货地址|退回地址|寄回|寄还|发回|退回去|寄到哪|寄去哪|寄哪|地址发我|退货.{0,4}地址|(怎么|如何|怎样)(寄|退回|发回)|退货(怎么|如何)(寄|发|操作)|寄(件|过去|出去)|上门取件|取件|预约.{0,4}(取|快递)|运费险|到付/,
  ),
  ...r(
    'return_shipping',
    2.4,
    /运费|邮费|快递费|寄件费|报销/,
    /(用|走|发)(什么|哪个|哪家)快递|(什么|哪个|哪家)快递(寄|发)|(顺丰|京东|中通|圆通|申通|韵达|邮政|ems).{0,6}(寄|发)(回|出|的|了)|寄.{0,4}(顺丰|京东|中通|圆通|申通|韵达|邮政|ems)/,
    /(几天|多久|多少天|期限|时限).{0,6}(寄|退回|发回)|(寄|退回|发回).{0,6}(几天|多久|期限|时限)|退货期限/,
    /单号.{0,6}(填|写|提交|是|为|#track|#num)|(#track|#num).{0,12}(寄|发|已|寄回|寄出)|(寄|发|已|寄回|寄出).{0,12}(#track|#num)|(填|写|提交).{0,4}单号/,
    /\b(tracking|track) (number|no|#)?.{0,6}(is|:)?\s?(#track|#num)|(sent|shipped|mailed|posted|dropped|returned)\b.{0,30}(#track|#num|via|with (sf|jd|zto|yto|sto|ems|yunda|dhl|ups|fedex|usps))/,
    /\b(via|with|using|use|by) (sf|jd|zto|yto|sto|ems|yunda|dhl|ups|fedex|usps|post)\b|\b(which|what) (courier|carrier|shipping company)\b/,
  ),
  ...r('return_shipping', 3, /退(货|回).{0,6}(带|附|放|要|需要|附上).{0,4}(发票|包装|配件|吊牌|盒|原包装|赠品)|\b(include|put|pack)\b.{0,20}\b(return|package|box|parcel)\b/),
  ...r('return_shipping', 3, /\b(drop-?off|dropoff) (point|location|place|spot)s?\b|\b(near me|nearby)\b.{0,20}\breturns?\b|退货.{0,8}(包裹里|写什么|附言|留言|纸条|备注)|(晚几天|延期|推迟).{0,4}寄/),
  ...r('return_shipping', 4, /(退货|退回|寄回|退还)(的)?(商品|东西|时候|话|包裹|货)?(可以|需要|要|能|得|必须)(放|寄|用|走|保价|带|写|填|包装|自己|叫|到付|上门|在|送)|保价/),
  ...r('return_shipping', 3, /\b(cost|fee|charge|pay)\b.{0,12}\bto (send (it )?back|return)\b|\breturn\w*\b.{0,15}\b(cost|fee|charge)s?\b|\b(free|paid) returns?\b/),
  ...r('return_shipping', 2, /取件|取货|揽件|来取|上门|收件/),
  ...r('return_shipping', 3, /(上门|来)(收件|取件|取货|揽收|揽件)/),
  ...r('return_shipping', 3, /(退货|寄回|退回|发回).{0,6}(用|走|发|寄)?.{0,4}(快递|顺丰|京东|中通|圆通|申通|韵达|邮政|ems)|\b(what|which|your|the shop.?s|the sellers?) (address|addr)\b|\bwhere (do|should|can|must) i (send|ship|mail|post|return)\b/),
  ...r('return_shipping', 1.2, /寄|包装|\bpackag(e|ing) (the )?return|\bcourier\b/),

  // ---------------- cancel_order ----------------
  ...r('cancel_order', 1.6, /\bcancel\w*\b|取消|撤单/),
  ...r('cancel_order', 3, /\b(void|call off|abort|scrap|kill|retract) (my |the |this |that )?(order|purchase|#order)\b|拦截|把(这|那)?(个|笔)?(单|订单)撤/),
  ...r(
    'cancel_order',
    2.2,
    new RegExp(`\\bcancel\\w*\\b.{0,20}\\b(?:${ORDER}|it|this|that|one|item|them)\\b`),
    new RegExp(`\\b(?:stop|dont ship|dont send|do not ship|do not send|hold)\\b.{0,15}\\b(?:${ORDER}|it|shipment|shipping)\\b`),
    /取消.{0,4}(订单|这单|该单|此单|这个单|这笔|一单|这一单|单子|一个订单|掉)|(订单|单子|这单).{0,6}(取消|撤销|撤回|撤了|不要了)|撤单|撤销.{0,3}订单|撤回.{0,3}订单|别发(货|了)?|不要发(货|了)?|先别发|不(想)?买了/,
  ),
  ...r(
    'cancel_order',
    1.8,
    /\b(not|hasnt|hasn't|havent|before it|before its?|yet to be)\b.{0,12}\b(shipped|dispatched|sent out|sent|shipping|ships)\b|\b(just|recently) (placed|made|ordered)\b|\bordered (it )?twice\b|\bduplicate (order|purchase)\b|\bfound (it )?cheaper\b|\bbetter (price|deal)\b/,
    /(还没|没|未|没有|尚未)发(货|出|走)?|刚(下|拍|付)|下错单|拍多|重复下单|重复购买|下单下错/,
  ),
  ...r(
    'cancel_order',
    2.5,
    new RegExp(`\\b(?:dont|do not|no longer)\\b.{0,6}\\b(?:want|need)\\b.{0,10}\\b(?:this|the|my|that)?\\s?${ORDER}|\\bcancel\\w*\\b.{0,40}\\b(?:not|hasnt|havent|before|yet)\\b.{0,12}\\b(?:shipped|dispatched|sent|ships)\\b`),
  ),
  ...r('cancel_order', 0.8, /退(掉)?(这个|这笔)?订单/),
  // Cancelling before shipment, stated with a refund word: still a cancellation.
  ...r('cancel_order', 2.5, /(还没|没|未|没有|尚未)发(货|出)?.{0,10}(退|取消|不要|不买|撤)|(退|取消|不要|不买|撤).{0,10}(还没|没|未|没有|尚未)发(货|出)?/),

  // ---------------- cancel_case ----------------
  ...r('cancel_case', 5, /(不用|先不|不要|别)(处理|办|弄|管)了|撤了吧?$|撤掉吧?$|(售后|退款|退货|换货)(单|申请)?.{0,8}撤了/),
  ...r(
    'cancel_case',
    5,
    new RegExp(`\\b(?:cancel\\w*|withdraw\\w*|retract\\w*|revok\\w*|undo|take back|drop|remove|close|scratch|ignore|disregard|forget(?: about)?|never ?mind(?: about)?|stop|abandon|rescind)\\b\\s+(?:(?:my|the|this|that|a|an|your|our)\\s+)?(?:${CASE})\\b`),
    new RegExp(`\\b(?:no longer|dont|do not|not)\\b.{0,12}\\b(?:want|need)\\b.{0,12}(?:${REFUND}|the return|a return|to return|the exchange|an exchange|the replacement)`),
    /\b(keep\w* (it|them|the item|the product|this)|ill keep|i will keep|decided to keep|(dont|do not|no need to) (process|proceed with|go ahead with) (my|the|this) (refund|return|exchange|request|claim))\b/,
    /\b(refund|return|exchange) (request|application|claim|case)\b.{0,40}\b(cancel|withdraw|close|remove|delete|revoke)\b/,
    /\b(accept (the )?(rejection|decision)|close (the|my) (case|claim|request))\b/,
    /不(想|用|要|必|需要)?(退款|退货|换货|退|换)了|不(想|用|要|需要|必)(退款|退货|换货|退|换)(了)?$|(不用|不要|不想|不需要)(退款|退货|换货)|(退款|退货|售后|换货)(申请|单)?.{0,4}(不要了|不用了|算了|取消|撤销|撤回|撤掉|撤了|关闭|关掉|撤)|(取消|撤销|撤回|撤掉|关闭|关掉|撤)(了)?(我的|这个|那个)?(退款|退货|售后|换货|申请)/,
  ),
  ...r('cancel_case', 3, /(申请|退款|退货|售后|换货).{0,10}(手滑|点错|误点|弄错|搞错|不小心).{0,10}(取消|撤|关)|(手滑|点错|误点|不小心).{0,10}(申请|提交)了?(退款|退货|售后)/),
  ...r('cancel_case', 2.4, /撤回|撤销|留着|自己修好|修好了|已经好了|能用了|找到了|补发了|接受.{0,6}(处理|方案|结果)|\b(sorted it out|worked it out|sorted out|resolved it|its resolved|works fine now|found the missing|problem is solved|it.?s fine now|by mistake, please cancel)\b/),

  // ---------------- human_agent ----------------
  ...r('human_agent', 4, /转人工|人工|真人|活人|\b(human|real person|live person|live agent|real agent|actual person)\b/),
  ...r(
    'human_agent',
    3,
    /\b(representative|rep|operator|supervisor|manager|boss|staff member|someone from your team|someone from the team|escalate)\b/,
    /\b(talk|speak|chat)\w* (to|with)\b|\b(call me|call you|phone number|phone no|telephone|hotline|number i can call|number to call|someone i can call|call back)\b/,
    /经理|主管|负责人|领导|客服电话|热线|打电话|来电|回电|跟人|找人|有人吗|有没有人|找个人|叫人/,
  ),
  ...r('human_agent', 3, /\bcustomer (service|support|care|assistance|services)\b|\b(reach|call|contact\w*|get in touch with|talk to|speak to|speak with|chat with|direct me to|put me through to|redirect me to|connect me)\b.{0,20}\b(someone|somebody|assistant|agent|team|support|staff|service|assistance|person|people)\b/),
  ...r('human_agent', 3, /\b(get|give|find|send|want|need|put) me (someone|somebody|a person|a human|an agent|a rep|a real)\b|\b(someone|somebody) (real|who can (actually )?help)\b|\bphone (line|support|call)\b|坐席|接通|在不在/),
  ...r('human_agent', 3, /\bwho (can|do|should) i (call|phone|ring|contact|speak to|talk to)\b|\bhuman being\b|叫人来|找人处理|平台的人|别自动回复|自动回复/),
  ...r('human_agent', 2.4, /\b(agent|support team|contact (support|you|a person|someone|customer)|live chat)\b|客服|电话|联系(你们|一下|客服)/),
  ...r('human_agent', 1.6, /\b(bot|robot|chatbot|automated)\b|\b(talk\w*|speak\w*|chat\w*) to a machine\b|机器人|(跟|和|是)机器|投诉/),

  // ---------------- delivery_problem ----------------
  ...r(
    'delivery_problem',
    3,
    new RegExp(`\\bwhere(?:s| is| are|re)?\\b.{0,12}\\b(?:my|the|our)?\\s?${PARCEL}\\b`),
    new RegExp(`\\b${PARCEL}\\b.{0,25}\\b(?:${NOT_YET})\\b.{0,15}\\b(?:arrived?|received?|delivered|come|came|shipped|dispatched|here|showed? up|moved?|updated?)\\b`),
    new RegExp(`\\b${NOT_YET}\\b.{0,15}\\b(?:received?|get|got|gotten)\\b.{0,6}\\b(?:my|the|it|any|a)?\\s?${PARCEL}\\b`),
    /\b(says|said|shows|showing|marked( as)?|status is) (it was |as |it is )?delivered\b|\bdelivered to the wrong\b|\bwrong address\b/,
    /\b(late|delayed|delay|stuck|eta|in transit|lost (package|parcel|shipment|order|in (the )?(mail|post|transit))|(package|parcel|order|item|shipment|it|delivery) (is |was |got |seems |has been |may be |might be )?(to be )?lost|on the way|out for delivery|not delivered|never (arrived|came|showed up)|hasnt (arrived|moved|shipped|been shipped|updated)|taking (too|so) long|no updates?|hasnt been updated|supposed to arrive|expected delivery|delivery date|never showed)\b/,
    /\bwhen\b.{0,30}\b(arrive\b|arriving|be delivered|get delivered|deliver\b|get here|be here|be shipped|ship\b|shipping|dispatch\b|be dispatched|come\b|coming)/,
    /\bhow (soon|fast|quickly)\b|\bexpect (the|my|a|an|this|our) (item|order|package|parcel|delivery|shipment|#order)|\b(delivery|shipping|shipment) (period|time|times|timeframe|estimate|duration)s?\b/,
    /\b(tracking|track)( number| no| info| link| code)? (doesnt|does not|dont|isnt|is not|wont|not|cant be|cannot be|has not|hasnt)\b.{0,8}\b(work|working|show|found|valid|update|updated|exist|load)|(单号|运单|物流).{0,6}(查不到|查不了|无效|不对|错误|没有信息|没信息|不存在)/,
    /\b(track|trace|tracking)\b.{0,15}\b(my|the|this|an?)?\s?(order|package|parcel|shipment|#order)\b|\b(order|shipment|delivery) (status|tracking)\b|\bstatus of (my |the |an |this )?(order|package|parcel|delivery|shipment|#order)\b|\btracking (info|information|details|update)\b|\bhow long does (shipping|delivery) take\b|\bhas (my|the) (order|package) (been )?shipped\b|\bcourier never\b/,
  ),
  ...r(
    'delivery_problem',
    3,
    /(快递|物流|包裹|(?<![换退])货|东西|(?<![收寄取])件|订单|单子).{0,6}(到哪|哪了|在哪|怎么还没|还没到|没到|什么时候到|啥时候到|多久到|几天到|能到|慢|不动|没更新|没动|停|丢|不见|查不到|送错|呢)/,
    /(还没|没|咋还没|怎么还没|咋还不|怎么还不|还不|一直没|迟迟不)(到|送|来|发货|发|收到货)|没收到(货|快递|包裹|东西)?|未收到|收不到|被(人|别人)?(冒)?签收|(显示|已)签收|已送达|显示送达/,
    /(查|看|问).{0,3}(物流|快递|单号)|物流(信息|状态)|发货了(吗|没)|什么时候发(货)?|(几|多少)天(能|可以)?到|催.{0,3}(发货|快递|物流)|快递员|配送|派送|送货|送上门|运输中|到哪(了|一步)/,
  ),
  ...r(
    'delivery_problem',
    3,
    /还在仓库|没出库|还没出库|在仓库|(几时|何时|哪天|什么时候|啥时候|多久|几天|多长时间)(能|可以|才|会)?(到|送到|送达|发货|发出|寄出|收到)|驿站|快递柜|代收点|中转|派件|派送中/,
    /\b(returned to (the )?sender|return to sender|wrong (house|door|building|apartment|flat|neighbou?r|place|city)|(driver|delivery (guy|man|person|driver)|postman|mailman)\b.{0,30}\b(left|dropped|never|didnt|did not|threw|lost)|customs)\b/,
    /\b(still|yet) not here\b|\b(isnt|is not|not) here yet\b|\b(its|it is|it.s) (still )?not here\b|\bstill (hasnt|has not|havent|have not) (come|arrived|shown up|turned up|received)\b|\bstill waiting (for|on) (my|the|it|our)\b(?!.{0,10}\b(refund|money)\b)/,
    /\b(order|package|parcel|shipment)\b.{0,40}\b(still|stuck)\b.{0,15}\b(processing|pending|preparing|in the warehouse|not shipped|at the warehouse)\b/,
  ),
  ...r('delivery_problem', 3, /\bno (movement|tracking|scan|update)s?\b|\b(hasnt|has not|didnt|did not|not) (moved|budged|changed)\b|\bsince it left\b|(一直|还)(显示)?(待发货|未发货|运输中|派送中)|待发货/),
  ...r('delivery_problem', 4, /被(退回|退了|拒收)|退回(给)?(发件|寄件|商家|卖家)|原路退回了?包裹/),
  ...r('delivery_problem', 1.4, /\b(track\w*|shipping|delivery|arrive\w*|shipped|courier)\b|快递|物流|发货|到货/),
  // "It hasn't shipped" beside a cancellation is the reason to cancel, not a delivery complaint.
  ...r('delivery_problem', -3, /\b(?<!(?:dont|do not|not|never) (?:want to |wanna |need to )?)(cancel\w*)\b|\b(dont want|do not want|no longer want|dont need)\b(?! to cancel)|(?<!不(?:想|要|用|是)?)取消|不要了|不想要|不(想)?买了|撤单/),
  ...r('delivery_problem', -3, /(退|取消|不要|不想要|不买).{0,12}(没发|未发|还在仓库|没出库)|(没发|未发|还在仓库|没出库).{0,12}(退|取消|不要|不想要|不买)/),
  ...r('cancel_order', -4, /\b(dont|do not|not|never) (want to |wanna |need to |mean to )?cancel\b|不(想|要|用|是要)取消/),

  // ---------------- other ----------------
  ...r(
    'other',
    3,
    /\b(delivery|shipping) (options?|methods?|address(es)?|choices)\b|\boptions? (for|of) (delivery|shipping)\b|\bset (up )?(a |an |another |new |different |my )?(shipping|delivery) address/,
    /\b(newsletter|subscription|subscribe|unsubscribe|mailing list)\b|订阅/,
    /\b(place|make|create|put in|submit) (a |an |the |my )?(new )?(order|purchase)\b|\b(want|like|how) to (buy|purchase|order) (an? |some |this |the )?(item|product|something|one)\b/,
  ),
  ...r(
    'other',
    3.5,
    /\b(change|modify|edit|update|add|remove)\b.{0,20}\b(an order|my order|the order|items? (of|from|to) (an?|my|the) order|several items)\b|修改订单|改订单|订单.{0,4}(修改|改一下)|加(一|个)?(件|个)商品/,
    /(修改|更改|改|换)(一下|下)?.{0,6}(收货人|收货)?(地址|手机|电话|密码|名字|昵称)/,
    /(哪里|哪儿|什么地方|哪个城市|哪个仓)发货|从哪(里|儿)?发|发货地|\bwhere do you ship from\b|\bship(ped)? from where\b/,
    /还有(货)?吗|有没有(货|现货)|还有没有|有现货|\b(returnable|return policy|refund policy|exchange policy|policy)\b|退货政策|退换政策|售后政策/,
  ),
  ...r(
    'other',
    3,
    /偏大还是偏小|偏大吗|偏小吗|穿多大|多大码|什么码|尺码(推荐|怎么选|选哪个)|(大|小)还是(大|小)|包邮|有优惠|优惠吗|能便宜|兼容|适合|好用吗|怎么用|使用方法|说明书在哪/,
    /还没买|还没下单|没买|买之前|下单前|拍之前|拍下之前|今天下单|现在下单|下单的话|如果下单|拍下的话|想下单|准备下单|\b(before i (buy|order|purchase)|if i (buy|order|purchase)|i havent (bought|ordered))\b/,
    /\b(do|can|will) you (ship|deliver|send) (to|internationally|abroad|overseas)\b|\bshipping (cost|fee|price|rate|charge)s? (to|for)\b|\bhow much (is|does|for) (the )?(shipping|delivery)\b|\bcompatible\b|\bfree shipping\b/,
  ),
  ...r('other', 1.5, /还没买|还没下单|\bi havent (bought|ordered)\b/),
  ...r('file_refund', 1.5, /(里面|里边|里头).{0,6}(全|都)?(坏|碎|泡|湿|烂|破|没有|是空)/),
  ...r('delivery_problem', -4, /还没买|还没下单|没买|买之前|下单前|今天下单|现在下单|下单的话|如果下单|想下单|准备下单|\b(before i (buy|order|purchase)|if i (buy|order|purchase)|do you ship to|ship internationally)\b/),
  ...r('cancel_order', -2.5, /\b(account|newsletter|subscription|membership|profile)\b|账号|账户|会员|订阅/),
  ...r('delivery_problem', -1.5, /\b(delivery|shipping) address\b|收货地址/),
  ...r(
    'other',
    2.6,
    /\b(password|log ?in|login|sign ?in|sign ?up|register|username|account)\b|密码|登录|登不上|登陆|账号|账户|注销|手机号|绑定|实名/,
    /\b(pay|paid by|payment method\w*|credit card|debit card|paypal|wechat pay|apple pay|installments?|checkout)\b|支付|付款|付不了|花呗|信用卡|分期/,
    /\b(invoice|receipt|coupon|discount|promo|voucher|points|membership|warranty|guarantee|in stock|stock|size chart|sizing|made of|material|colors|colours|sale|bulk|wholesale|opening hours|business hours|price match|cheaper)\b|发票|收据|优惠|积分|会员|保修|质保|材质|尺码表|有货|补货|打折|便宜|批量|价格|几点|上班|下班/,
    /\b(change|update|edit|modify)\b.{0,20}\b(address|email|phone|name|password)\b/,
    /(几点|什么时候|啥时候).{0,4}(有|还有)?(客服|人工)?(在线|上班|下班)|客服.{0,4}(上班|下班|在线)时间|\b(opening|business|working|service) hours\b|\bwhat (time|hours) (is|are|does) (customer service|support)\b.{0,10}\b(open|available)/,
  ),
  ...r(
    'other',
    1.6,
    /^(hi|hello|hey|hiya|yo|good (morning|afternoon|evening|day)|greetings|howdy|hi there|hey there|hello there)[\s,.!?~]*$|^(你好|您好|在吗|哈喽|嗨|早上好|晚上好|下午好|有人在吗|亲|亲在吗|你好在吗)[\s,.!?~]*(请问一下|请问|问一下)?[\s,.!?~]*$/,
    /\b(thanks?|thank you|thx|ty|cheers|appreciate|bye|goodbye|see you|youre welcome|no problem)\b|谢谢|感谢|多谢|再见|拜拜|不客气|哈哈/,
    /\b(question|ask|info|information)\b|问题|请问|咨询|问一下|问下|想问/,
  ),
  ...r('other', 0.5, /^(hi|hello|hey|good (morning|afternoon|evening))\b|^(你好|您好|在吗|哈喽|嗨|亲)/),
];
