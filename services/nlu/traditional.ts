// Traditional Chinese as buyers on Taiwanese and Hong Kong storefronts write it, read as simplified so one
// set of rules and features serves both. Only characters that occur in shopping chat are listed.

const TRADITIONAL = '貨訂單還沒錢換壞遞運費麼時間請問發處審過聯繫係電話號碼顏質題東買賣給讓說這個們嗎為邊鐘錶開關機線車網頁帳戶綁驗證紅藍綠黃實際圖與傳寫錯誤損爛髒舊髮長緊鬆腳襪褲帶鏡燈門條頭臺灣務員總經負責領導轉銷進狀態結匯銀張萬幾週禮後從郵險貼標籤簽驛櫃丟見動況應該會樣點價優滿減積適螢縮裡裏麵雙對難氣壓變斷勁較寬閃聲響鍵盤飛雜廠區傷劃鏽黴隻鎖鈕練環鍊鑽寶貝達屆預計測約繳額蹤詢詳細據報稅憑讀書筆記腦鍋壺燒熱風乾濕淨潔廢棄歸補償賠幫謝煩囉夠專業戲劇樂愛歡興蝦場鋪舖闆顧復覆刪閉啟內來於並準確歲兒嬰齡衛蓋紙層緣餅飲廳劑藥膚癢腫塊顆組裝兩頂輛';
const SIMPLIFIED = '货订单还没钱换坏递运费么时间请问发处审过联系系电话号码颜质题东买卖给让说这个们吗为边钟表开关机线车网页账户绑验证红蓝绿黄实际图与传写错误损烂脏旧发长紧松脚袜裤带镜灯门条头台湾务员总经负责领导转销进状态结汇银张万几周礼后从邮险贴标签签驿柜丢见动况应该会样点价优满减积适萤缩里里面双对难气压变断劲较宽闪声响键盘飞杂厂区伤划锈霉只锁钮练环链钻宝贝达届预计测约缴额踪询详细据报税凭读书笔记脑锅壶烧热风干湿净洁废弃归补偿赔帮谢烦啰够专业戏剧乐爱欢兴虾场铺铺板顾复复删闭启内来于并准确岁儿婴龄卫盖纸层缘饼饮厅剂药肤痒肿块颗组装两顶辆';
const MAP = new Map<string, string>([...TRADITIONAL].map((t, i) => [t, SIMPLIFIED[i]!]));
// Regional words for the same thing: Taiwan ships with 出貨 and picks up at convenience stores.
const REGIONAL: [RegExp, string][] = [
  [/出货/g, '发货'],
  [/宅配/g, '快递'],
  [/超商取货/g, '驿站取货'],
  [/卖场/g, '店铺'],
];

export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += MAP.get(ch) ?? ch;
  for (const [re, to] of REGIONAL) out = out.replace(re, to);
  return out;
}
