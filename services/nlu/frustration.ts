// How upset the buyer sounds, 0..1. Dialogs use it to offer a person sooner; the handoff queue to
// order waiting buyers. Additive evidence, capped: one strong word or several weak signs.

const STRONG = [
  /垃圾|骗子|骗人|坑人|坑爹|黑店|无良|滚|妈的|他妈|tmd|操你|草泥马|傻逼|sb(?![a-z])|气死|恶心|太差了|太差劲|差劲|什么破|破玩意|烂透|12315|消协|工商局|曝光|起诉|报警|律师/i,
  /\b(scam|scammer|fraud|ripoff|rip off|ridiculous|unacceptable|disgusting|pathetic|worst|terrible|horrible|awful|useless|incompetent|furious|livid|outraged|wtf|fuck\w*|shit\w*|damn|bullshit|crap|sue|lawyer|bbb|chargeback)\b/i,
];
const MEDIUM = [
  /投诉|差评|无语|服了|离谱|过分|太慢|凭什么|到底|搞什么|什么鬼|什么玩意|失望|生气|愤怒|不满|忍无可忍|受够|一点用都没有|没用/,
  /\b(angry|upset|annoyed|frustrat\w*|disappointed|fed up|sick of|tired of|complain\w*|complaint|joke|again|still|seriously|unbelievable|no one|nobody|bad review|one star|1 star)\b/i,
];
const REPEAT = /第[二三四五六七八九十\d]+次|又|还是|多少次|好几次|一直|每次|三番五次|反复|已经问|都说了|说了多少遍|(\d+|两|三|四|五|六|七|八|九|十|好几)(天|周|个星期|星期)了|\b(again|still|already (asked|told|called|contacted)|many times|multiple times|\d+(st|nd|rd|th)? time|for (days|weeks))\b/i;

export function frustrationOf(text: string): number {
  let score = 0;
  if (STRONG.some((re) => re.test(text))) score += 0.55;
  const medium = MEDIUM.filter((re) => re.test(text)).length;
  score += 0.25 * medium;
  if (REPEAT.test(text)) score += 0.15;
  const bangs = text.match(/[!！]/g)?.length ?? 0;
  if (/[!！]{2,}|[?？]{3,}/.test(text)) score += 0.2;
  else if (bangs === 1) score += 0.05;
  // Shouting: a run of capitals in otherwise normal text (two capital words, not ids like DEMO-1002).
  const caps = text.replace(/[A-Z]{1,10}-?\d+/g, '').match(/\b[A-Z]{3,}\b/g) ?? [];
  const words = text.match(/[A-Za-z]+/g) ?? [];
  if (caps.length >= 2 || (caps.length >= 1 && words.length <= 3 && caps[0]!.length >= 4)) score += 0.25;
  else if (caps.length === 1 && !/^(SF|JD|ZTO|YTO|STO|EMS|ASAP|OK|USA|UPS|DHL|TV|PC)$/.test(caps[0]!)) score += 0.15;
  const repeatedChars = /(退款|人工|退钱){2,}|([\u4e00-\u9fff])\2{2,}/.test(text);
  if (repeatedChars) score += 0.15;
  return Math.round(Math.min(1, score) * 100) / 100;
}
