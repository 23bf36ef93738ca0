// Concept lexicons: families of words that mean the same thing for intent, in both languages, matched on
// prepared text (normalised, ids replaced, English typos of domain words corrected, English and pinyin
// words inside Chinese translated). A buyer who writes "the hinge snapped" and one who writes "铰链断了"
// say the same thing; the model learns from the concept, so a defect word it never saw in training still
// counts as a complaint about the item. Priority rules (priority-rules.ts) combine concepts.

export const CONCEPTS = [
  // Something is wrong with the item received.
  'damage',
  'malfunction',
  'wrong_item',
  'missing_part',
  'bad_fit',
  'bad_quality',
  // Words for what the buyer wants or talks about.
  'refund_word',
  'money',
  'return_word',
  'exchange_word',
  'send_back',
  'want',
  'negation',
  'cancel_word',
  'withdraw',
  'human',
  'parcel',
  'shipping_word',
  'late',
  'not_received',
  // Questions and cues.
  'when',
  'how_where',
  'status_word',
  'decision',
  'return_logistics',
  'tracking_number',
  'received_by_seller',
  'product_question',
  'account_payment',
  'invoice_coupon',
  'address_change',
  'greeting',
  'thanks',
  'pre_sale',
  // The buyer reports what the system shows ("显示退款关闭", "it says delivered").
  'display',
  // Satisfaction: the parcel or the refund came and all is well.
  'positive',
] as const;
export type Concept = (typeof CONCEPTS)[number];

const C: Record<Concept, RegExp> = {
  damage: new RegExp(
    [
      String.raw`\b(broken|broke|breaks|damaged?|damages|cracked|cracks?|shattered|smashed|crushed|squashed|squished|dented|dents?|torn|tore|ripped|rips?|holes?|stain(s|ed)?|leak\w*|bent|warped|chipped|chips|a chip|chip (on|in)|scratch\w*|scuff\w*|peel\w*|fell (off|apart)|falls? (off|apart)|falling (off|apart)|came (off|apart|loose|undone)|coming (off|apart|loose|undone)|snapped|split|burst|melted|moldy|mouldy|mold|rotten|rotting|spoiled|spoilt|expired?|expires|expiring|stale|soggy|wet|soaked|frayed|fraying|unravel\w*|busted|wrecked|ruined|in pieces|pieces everywhere|broken into|crumbled|shredded|loose threads?|threads? (everywhere|hanging)|seams? (split|ripped|came|coming|are coming|opened))\b`,
      '坏|破|碎|裂|烂|漏|瘪|压扁|挤扁|变形|凹|划痕|划伤|划花|刮花|刮痕|磨损|磨花|掉漆|掉皮|开线|开胶|脱胶|脱线|脱落|掉了|断了|断裂|折断|洞|污渍|污点|脏|发霉|霉|过期|变质|馊|化了|融化|湿了|湿透|泡水|进水|受潮|生锈|锈|起皮|起泡|鼓包|缺角|磕|磕坏|磕破|磕碰',
    ].join('|'),
  ),
  malfunction: new RegExp(
    [
      String.raw`\b(defect\w*|faulty|not working|doesnt work|dont work|does not work|didnt work|wont work|stopped|stops|quit working|dead|doa|froze|frozen|wont (turn on|charge|start|power on|open|close|connect|pair|stay on|hold|lock|stay|spin|heat|cool|boot|load|play)|doesnt (turn on|charge|start|power|open|close|connect|pair|stay|hold|lock|spin|heat|cool|boot|play|work|stick|seal)|cant (turn it on|charge it|get it to work)|no (sound|power|picture|signal|display|suction)|(suction|sound|signal|battery) is (weak|bad|terrible|zero|basically)|overheat\w*|(gets|getting|runs|running|too|very|super) hot|burning|burnt|sparks?|smok(e|es|ing)|short circuit|tripp\w*|shocks?|noisy|nois(e|es)|rattl\w*|squeak\w*|buzz\w*|beep\w*|flicker\w*|dead pixels?|blurry|distorted|glitch\w*|freezes|freezing|crash(es|ing)|restart\w*|keeps? (turning off|shutting|dying|disconnecting|dropping|falling|breaking)|battery (dies|drains|is dead|wont)|malfunction\w*|unusable|(went|goes|turned|turns|stays|is) (black|blank|dark|dead)|black screen|blank screen|wont (come|turn|switch|power) (back )?on|not usable|cant use|(doesnt|dont|does not|wont|cant) (keep time|fit together)|is off by|inaccurate|wrong time)\b`,
      '不能用|用不了|没法用|没办法用|不好用|不灵|失灵|故障|毛病|坏了|不工作|不转|不动了|不加热|不制冷|不出水|不出风|不出声|没声音|没有声音|无声|杂音|噪音|异响|响声|声音(很|特别|太|超|非常)?大|没反应|没有反应|不亮|不响|开不了机|开不开机|开不开|开机不|打不开|关不上|关不了|合不上|扣不上|拉不上|拉不动|充不(上|进)电|充不了电|不能充电|充电(很|特别|超)?慢|不充电|没电|耗电|掉电|发烫|发热|烫手|冒烟|短路|跳闸|漏电|电到|烧了|烧坏|烧焦|焦味|死机|卡顿|卡死|黑屏|花屏|蓝屏|白屏|闪屏|坏点|漏光|闪烁|重启|自动关机|连不上|连接不上|配对不了|识别不了|不识别|不兼容|不匹配|装不上|装不了|装不起来|安装不了|插不进|用一下就|一(开|用|插|按|洗|穿|碰|拉|戴)就|不准|走时|堵了|卡住|拉不动|怎么(弄|用|调|试|搞)都不(行|好|动|亮|响|对)|不通|没信号|信号差|不灵敏|失效|不粘|粘不住|贴不上|不防水|漏气|没气|跑气',
    ].join('|'),
  ),
  wrong_item: new RegExp(
    [
      String.raw`\b(wrong (item|size|colou?r|product|model|one|thing|version|style|type|flavou?r|order|size|package|parcel|book|shoe|shoes|pair)|not what i (ordered|bought|paid for|asked for|wanted|expected)|not the (one|item|thing|product|size|colou?r|model) i (ordered|bought|chose|picked|paid for)|someone elses|somebody elses|isnt mine|not mine|instead of|nothing like|doesnt match|didnt match|dont match|not as (described|advertised|pictured|shown|listed)|different (from|than|to) (the )?(picture|photo|image|listing|description|ad|website|one|what)|looks? different|not the same as|than (listed|advertised|described|shown|pictured)|like i ordered|(ordered|bought|paid for|chose|picked|selected) (a |an |the )?[\w ]{1,20}\b(but|and|yet) (got|received|you sent|they sent|it came|came|was sent|arrived)|(got|received|sent me|came (as|in)) (a |an |the )?[\w ]{1,15} instead|false advertising|misleading|mislabeled|two different sizes|different sizes?|(said|says|listed|advertised|described|stated|claimed|supposed to be)\b.{0,40}\bbut\b|mismatched|old (model|version|stock)|(just|only) (a |an |some )?\w+ inside|bricks?|rocks inside|stones? inside|i (ordered|bought|paid for|asked for|chose) (an? |the )?(\w+ ){0,2}(size|sizes|colou?r|version|model|pair|pack|set)\b|(ordered|bought|paid for) (an? )?(adult|adults|kids|childrens|womens|mens|large|small|medium|xl|xxl|xs))\b`,
      '发错|错发|寄错|送错货|给错|拿错|不是我(买|要|拍|订|选|下单)的|不是我要的|货不对|货不对板|不对版|不符|不一样|不一致|差(好多|很多|太多|太远|距)|差别|区别太大|色差|颜色不对|颜色(差|暗|浅|深|亮)(很多|好多|太多)?|型号不对|款式不对|规格不对|尺码不对|码数不对|码(数)?发错|发成|(说是|写的是|写着|标的是|宣传的?是|详情页?(说|写)).{0,15}(结果|实际|其实|但是|可是|却|怎么)|(买|拍|订|要|选)的?是?.{0,8}(码|号|色|款|型号|版|规格|尺寸|[a-z0-9]).{0,6}(发来|发的|寄来|收到|来的|给的|发了|给我发)|虚假宣传|旧款|老款|一只大一只小|一大一小|一长一短|大小不一|长短不一|左右不一|不对称|不是正品|非正品',
    ].join('|'),
  ),
  missing_part: new RegExp(
    [
      String.raw`\b(missing|incomplete|(only|just) (got|received|came with|had|has|have|get|one|two|three|half|\d+)|half (of )?the|(is|are|was|were) (not|nt) (in|included)|not included|wasnt included|werent included|didnt include|didnt come with|no (charger|cable|manual|instructions|remote|batteries|lid|screws|parts|accessories|box)|(box|package|parcel) (was|is|came|arrived) empty|empty (box|package|parcel)|short( by)? (one|two|\d+)|(\d+|one|two|three|four|five|six) (of|out of) (the )?(\d+|two|three|four|five|six|ten|twelve))\b`,
      '少了|少发|少给|少件|少一|少个|少两|少配件|缺了|缺少|缺件|缺配件|缺东西|漏发|漏给|没给我(发|配|放)|没附|没有附|没有配|没配|不全|空盒|空箱|是空的|只(发|收到|给|来)了?|就(发|收到|来)了(一|两|1|2)|数量不对|差(一|两|1|2)(个|件|只|包|盒)|赠品没|没有赠品|说明书(没|没有)',
    ].join('|'),
  ),
  bad_fit: new RegExp(
    [
      String.raw`\b(too (small|big|large|tight|loose|wide|narrow|thin|thick|heavy)|too (short|long)(?<!\b(wait\w*|time|taking|takes|took|days|weeks|shipping|delivery|refund\w*|process\w*|forever)\b.{0,15})|(doesnt|dont|does not|didnt|wont) fit|not fit|fits? (badly|weird|poorly|small|large|big)|runs? (small|large|big)|tight|baggy|hurts?|painful|uncomfortable|itchy|scratchy|cant (wear|get (it|them) on)|shrank|shrunk|shrinks?|(so|really|very|super|way|much) (small|tiny|big|huge|tight|loose|short|long|narrow|wide)|(way|much|a lot|two sizes|one size|a size) (smaller|bigger|larger|tighter|looser)|stretched( out)?|size (is )?(off|wrong)|(a |one |two )?sizes? (up|down|bigger|smaller|larger))\b`,
      '(?<!时间|等的?|等了|耗时|处理|退款)太(大|小|长|短|紧|松|肥|瘦|宽|窄|薄|厚|硬)(?!时间)|偏(大|小)太多|偏(大|小)(很多|好多)|不合(适|身|脚)|穿不(上|进|下)|戴不(上|进)|套不上|挤脚|磨脚|夹脚|勒|紧绷|不舒服|扎人|起球|缩水|缩了|变小了|变大了|(?<!时间|耗时|等的?|等了|处理|退款|太)(大了|小了|长了|短了)',
    ].join('|'),
  ),
  bad_quality: new RegExp(
    [
      String.raw`\b((poor|bad|low|terrible|awful|horrible|crap|crappy|cheap|shoddy|lousy|garbage|trash|pathetic|questionable) quality|quality (is|was|sucks|of this|of the)|cheaply made|feels cheap|cheap (feeling|looking|plastic|material)|flimsy|junk|garbage|rubbish|trash|piece of (junk|garbage|crap|trash)|fake\w*|counterfeit|knock ?offs?|knockoffs?|replica|bootleg|not (genuine|authentic|original|real|new|brand new)|used (one|item|product|before|condition)|(been|looks|was|is|obviously|clearly) used|second ?hand|pre-?owned|refurbished|smell\w*|stink\w*|stench|odou?r|reeks?|chemical|toxic|dirty|filthy|hair in|bugs?|insects?|worms?|crooked|uneven|lopsided|wobbly|misaligned|ugly|see-?through|faded|fades|bleed\w*|pilling|pills|lint|sheds?|shedding|thin material|paper thin|see through|sticky|greasy|rash|allergic|allergy|sharp edges?|dangerous|unsafe|hazard\w*|choking|breakout|broke me out|irritat\w*|burns my skin)\b`,
      '质量(差|不好|太差|很差|堪忧|不行|有问题|一般|真差|也太|好差|垃圾|低劣|不过关)|做工(差|粗糙|不好|一般|太差|粗)|粗糙|劣质|次品|残次|瑕疵|毛刺|线头|假货|假的|假冒|山寨|仿品|高仿|冒牌|盗版|不是真的|二手|用过的|使用痕迹|旧的|翻新|臭|异味|怪味|味道(很|太|特别|超|非常)?(大|重|冲|难闻|刺鼻|奇怪)|刺鼻|难闻|气味|掉色|褪色|染色|串色|起毛|掉毛|掉渣|掉粉|虫子|有虫|头发|不新鲜|垃圾|过敏|危险|割手|扎手|刮手|红肿|发痒|痒|起疹|疹子|刺痛|烂脸|长痘|爆痘|太差|真差|好差|差劲|薄得|透光|很透|透明|歪|丑|难看|廉价|便宜货|像地摊',
    ].join('|'),
  ),
  refund_word: /\b(refund\w*|reimburs\w*|chargeback|compensat\w*)\b|退款|退钱|退个款|退我钱|退费|退差价|赔偿|赔钱|补偿|仅退款|返款|退回来的钱|退的钱/,
  money: /\$+|\b(money|cash|funds?|payment|credit|credited|paid back|get paid|getting paid|my \$|dollars?|bucks|bank|card|account|paypal|visa|mastercard|wallet|balance|statement)\b|\$\d|钱|余额|银行卡|卡里|支付宝|微信|花呗|信用卡|原路|账户|账上/,
  return_word: /\b(return\w*(?! to (the )?sender)|send (it |this |them |these |those |the \w+ |everything )?back|sending (it |this |them |the \w+ )?back|sent (it |this |them |the \w+ )?back|ship (it |this |them |the \w+ )?back|shipped (it |this |them |the \w+ )?back|mail (it |this |them |the \w+ )?back|mailed (it |this |them |the \w+ )?back|take (it |this |them )?back|rma)\b|退货|(?<!被)退回|寄回|发回|寄还|退掉|退了|退吗|能退|可以退|想退|要退|退一下|退这个|退个|退(的时候|的话|回去|过去)/,
  exchange_word: /\b(exchang\w*|swap\w*|replace\w*|switch (it|them|to|for)|trade (it|for)|another (one|size|colou?r|pair)|a (new|different) (one|pair|size|colou?r))\b|换货|调换|更换|换(?!个?人|一?下?(地址|电话|手机|收货|收件))(一|个|成|新|大|小|件|双|只|码|号|颜色|款|色)|换吗|能换|可以换|想换|要换/,
  send_back: /\b(send|ship|mail|post|courier|drop|bring|take|return)\w*\b.{0,20}\b(back|off)\b|寄回|发回|(?<!被)退回去|寄回去|寄过去|送回|拿去寄|寄出|寄走/,
  want: /\b(want|wanna|need|like|would like|id like|request\w*|demand|asking for|ask for|get|give|can i|could i|may i|apply|file|open|start|process|please|pls|plz)\b|要|想|申请|给我|帮我|能不能|可不可以|可以|能否|请/,
  negation: /\b(dont|do not|no longer|not|never|no need|nvm|never ?mind|forget|changed my mind about)\b|不(?!错|客气|好意思)|别|没必要|算了|不用|不必/,
  cancel_word: /\b(cancel\w*|call off|void|abort|stop|hold)\b|取消|撤单|撤销订单|撤回订单|别发|不要发|先别发|拦截|不买了/,
  withdraw: /\b(withdraw\w*|retract\w*|revok\w*|rescind\w*|undo|nvm|never ?mind|forget (about )?(it|the|my)|disregard|ignore (my|the|that)|keep (it|them|the|this|these)|ill keep|i will keep|decided to keep|going to keep|gonna keep|close (my|the) (case|claim|request|ticket)|(fixed|sorted|resolved|solved|figured) (it|the|out)|showed up|turned up|found it|works (fine|now|again)|no (longer )?need)\b|撤销|撤回|撤掉|撤了|收回|留着|自己留|不退了|不换了|不用退|不要退|不想退|不用换|不用处理|别处理|不用管|修好|弄好了|已经好了|能用了|找到了|补发了/,
  human: /\b(human|real person|live person|actual person|a person|agent|representative|rep|operator|manager|supervisor|staff|employee|live chat|phone|hotline|telephone|call (me|you|back|someone)|number (i|to) (can )?call|contact (the |a |your )?(seller|merchant|shop|store|support|you|someone|somebody|customer|person|team)|talk (to|with)|speak (to|with)|get me (someone|somebody|a)|someone (real|who can|from|to talk|i can)|bot|robot|chatbot|automated|(talk\w*|speak\w*|chat\w*) to a machine)\b|人工|真人|活人|客服|电话|热线|联系(商家|卖家|店家|客服|你们|人|平台|老板|店主)|打给|致电|回电|经理|主管|负责人|领导|老板|店主|机器人|(跟|和|是)机器|找人|来个人|换个人|叫人|有人吗|有没有人|人呢/,
  parcel: /\b(package|parcel|order|shipment|delivery|deliveries|box|stuff|item|items|goods|#order|purchase)\b|快递|包裹|物流|订单|单子|货|东西|件/,
  shipping_word: /\b(coming|sent out|send out|been sent|ship\w*|deliver\w*|dispatch\w*|courier|carrier|tracking|track|transit|postman|mailman|driver|usps|ups|fedex|dhl|customs|warehouse|eta|arriv\w*|out for delivery|in transit)\b|发货|发出|发了|寄出|快递|物流|派送|派件|配送|送货|送到|签收|驿站|快递柜|揽收|揽件|仓库|出库|中转|运输|到货|送达/,
  late: /\b(late|delayed|delay|stuck|lost|slow|forever|ages|weeks?|still (not|nothing|no|waiting|hasnt|havent|isnt|says|shows)|never (came|arrived|showed|got)|no (update|movement|scan|tracking)s?|not (moved|moving|updated|updating)|hasnt (moved|updated|changed|arrived|shipped|come)|supposed to (arrive|be here|come)|expected (by|on)|overdue)\b|慢|时间太长|太长时间|延迟|延误|耽误|丢|不见|不动|没动|没更新|不更新|停(在|了)|卡在|半个月|好几天|一个星期|一周|几天了|天了|这么久|太久|迟迟|一直没|还没到|预计(送达|到达|到货|时间)|超过.{0,4}(时间|天)|过了.{0,6}时间|没到|没来|没送|不送|没发|不发/,
  not_received: /\b(not|never|havent|hasnt|didnt|dont|still not|yet to|no sign of)\b.{0,15}\b(receiv\w*|get|got|gotten|arriv\w*|come|came|deliver\w*|here|show(ed)? up|see)\b|没收到|未收到|收不到|没到|没拿到|没有收到|没见到|没看到/,
  when: /\b(when|how long|how many days|how soon|what date|by when|eta|yet|still|already|days?|weeks?|months?|today|tomorrow|tonight|this week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|什么时候|啥时候|何时|多久|几天|多长时间|哪天|几号|几时|今天|明天|后天|周末|到底|还没|还不|怎么还|咋还|为什么还|为啥还|一直|天了|周了|星期了|礼拜了|半个月/,
  how_where: /\b(how|where|which|what|who|whats|wheres|is there|do i|should i|can i|do you|address|addr)\b|怎么|如何|怎样|哪里|哪儿|哪个|寄到哪|地址|哪家|什么快递|谁出|谁付|谁承担/,
  status_word: /\b(status|what.?s up with|update|updates|progress|news|pending|processing|processed|approved|accepted|went through|gone through|go through|complete|completed|done|issued|credited|show up|shows?|hit|reach\w*|see|seen|happening|heard|hear back|any word|checking in|check (on|in|up))\b|进度|状态|结果|怎么样|什么情况|咋样|到哪|到账|进展|处理中|审核|处理了|成功|好了没|了吗|了没|没有\?|呢|情况/,
  decision: /\b(approv\w*|reject\w*|declin\w*|denied|deny|refus\w*|accept\w*|agreed?)\b|同意|通过|驳回|拒绝|拒了|拒|审核|批准|不给退|不让退/,
  return_logistics: /\b(by when|until when|how long do i have|how many days do i have|label|postage|shipping (fee|cost|charge)|return (fee|cost|shipping|address|label|courier|window|deadline|instructions|process|procedure)|pick ?up|collect\w*|drop ?off|drop(ped)? (it|them) (off|at)|post office|return courier|prepaid|free returns?|who pays|who covers|deadline|original (box|packaging)|packaging|repackage|(tags|box|receipt) (on|in|with)|by mail)\b|运费|邮费|快递费|运费险|到付|包邮|上门(取|收|揽)|取件|取货|揽收|来取|来拿|地址|寄到|寄回|发回|寄哪|原包装|包装盒|吊牌|期限|几天内|之内|之前寄|(放|装|附|带)(进去|在里面|上)|一起(寄|放|寄回|退回)|(用|拿|找).{0,6}(箱|盒|袋)子?装|纸箱|快递袋|\b(plastic bag|envelope|any box|another box|a different box|own box|without the box|no box)\b/,
  tracking_number: /#track|#num|\b(tracking|track) (no|number|num|code|#|is|:)|单号|运单号|快递单/,
  received_by_seller: /\b(store|seller|shop|warehouse|merchant|you|they|you guys)\b (got|received|has|have|signed for) (my|the) (return|returned|item|parcel|package|stuff)|\b(did|have|has)\b.{0,12}\b(you|they|seller|merchant|shop|store|warehouse|you guys)\b.{0,12}\b(receiv\w*|get|got|gotten)\b|\b(return|returned|item|parcel|package) (was|has been|got) (received|delivered to (you|the seller|the warehouse|your))\b|(收到|签收)(了)?(吗|没有?(?!收|到)|\?)|已经签收|你们签收|商家签收|仓库签收/,
  product_question: /\b(is (this|it|the \w+) (\w+ )?(safe|waterproof|washable|compatible|available|real|good|suitable|made)|does (it|this|the \w+) (come|have|work|fit|include)|do you (have|sell|carry|make|stock)|in stock|what (size|colou?r|material|fabric|brand|model)|which (size|one|model|colou?r|version)|size (chart|guide)|made of|material|fabric|dimensions|weight|capacity|specs?|difference between|recommend|is (this|it) the .{0,20}(model|version|edition|generation)|go with|match with|gift wrap\w*|price match|how much (is|does|for)|warranty|guarantee|(return|refund|exchange) policy|policy)\b|有没有(?!人|客服|电话|真人)|有货|现货|补货|什么(面料|材质|料子|颜色|牌子|尺寸|型号|版本)|面料|材质|多大|多重|多少(公斤|斤|克|瓦|毫升|升|寸|码|钱)|能放|适合|适用|推荐|区别|尺码(表|怎么选|推荐)|怎么选|偏大还是偏小|正品吗|正品吧|是正品|保修|质保|便宜|价格|多少钱|优惠吗|几岁|说明书在哪|怎么用|使用方法|好用吗|支持.{0,8}(吗|不|么)|搭配|配什么|好看吗|怎么搭|什么.{0,4}好看/,
  account_payment: /\b(pay (with|by|via|in|using|for (my|the|an?) order)|paying|payment (method|option|failed|declined|page|error|issue|problem|wont|keeps|didnt)|checkout|card (was |got |keeps |is )?(getting )?(declined|rejected|not accepted)|credit card|debit card|apple pay|google pay|paypal|installments?|password|log ?in|login|sign ?in|sign ?up|account|username|email|verify|verification|otp)\b|支付|付款|付不了|付款失败|花呗|信用卡|分期|密码|登录|登陆|登不上|账号|账户|注销|绑定|改绑|手机号|实名|验证码|扣了?(两|2|二|几)次|重复扣|多扣|扣款|\b(charged|billed) (twice|double|two times|more than once|again)|double charged|overcharged|order (number|id|no|history|confirmation)|还款|白条|账单|借呗|额度/,
  invoice_coupon: /\b(invoice|receipt|vat|tax|coupon|voucher|promo|discount|points|rewards?|membership|member|loyalty|gift card|student|sale|deal)\b|发票|专票|普票|收据|抬头|优惠券|券|红包|满减|积分|会员|折扣|打折|优惠|活动|返现|领券/,
  address_change: /\b(change|update|edit|modify|correct|fix|typed|entered|put|wrote|gave)\b.{0,25}\b(address|phone|name|zip|postcode|recipient|apartment|apt|flat|unit|house number|street|building)\b|\b(address|phone number)\b.{0,20}\b(change|update|wrong|typo|mistake)\b|(改|修改|更改|换|调整|填错|写错|输错).{0,6}(地址|电话|收件人|收货人|手机|名字|门牌|楼号|单元|配送时间|送货时间|收货时间)|\b(change|reschedule|move)\b.{0,10}\b(delivery|shipping) (date|time|day|slot)|(地址|电话|收件人|收货人).{0,6}(改|修改|更改|写错|填错|错了)/,
  greeting: /^(hi+|hello+|hey+|hiya|yo|hola|morning|good (morning|afternoon|evening|day)|greetings|howdy|anyone (there|here)|hello\?+)[\s,.!?~]*(there|all|team)?[\s,.!?~]*$|^(你好|您好|在吗|在不在|哈喽|嗨|早|早上好|晚上好|下午好|有人在吗|亲|亲亲|亲在吗|在么|在嘛)/,
  thanks: /\b(thanks?|thank you|thx|ty|tysm|cheers|appreciate\w*|bye|goodbye|great|cool|awesome|perfect|got it|ok(ay)?|alright|no problem)\b|谢谢|感谢|多谢|辛苦|再见|拜拜|不客气|好的|好滴|好嘞|明白|哈哈|知道了/,
  pre_sale: /\b((delivery|shipping) (options?|methods?|choices)|(want|like|going|planning) to (buy|order|purchase) (another|more|again|a second|one more|some more)|buy (another|more|again)|do you (deliver|ship) (on|at|in|during|internationally|abroad|overseas|weekends?|sundays?|saturdays?|holidays?)|before i (buy|order|purchase)|if i (buy|order|purchase)|planning to (buy|order)|thinking (of|about) (buying|ordering)|do you ship to|ship to \w+|ship internationally|havent (bought|ordered))\b|还没买|还没下单|没买|再买|还想买|想再买|回购|买之前|下单前|拍之前|如果下单|想下单|准备下单|现在下单|今天下单|下单的话|能发到|发(到)?(国外|海外|香港|台湾)/,
  positive: /\b(thanks?|thank you|great|love it|perfect|works (great|fine|well)|all good|happy with|looks good|awesome)\b|谢谢|挺好|很好|不错|满意|喜欢|好评|没问题/,
  display: /显示|提示|变成了?|状态是|\b(shows?|showing|says|saying|status (is|says|shows)|marked as|it said|the app says|email says)\b/,
};

export type ConceptSet = ReadonlySet<Concept>;

export function conceptsOf(prepared: string): Set<Concept> {
  const found = new Set<Concept>();
  for (const name of CONCEPTS) if (C[name].test(prepared)) found.add(name);
  return found;
}

export const COMPLAINT_CONCEPTS: readonly Concept[] = ['damage', 'malfunction', 'wrong_item', 'missing_part', 'bad_fit', 'bad_quality'];

export function hasComplaint(concepts: ConceptSet): boolean {
  return COMPLAINT_CONCEPTS.some((c) => concepts.has(c));
}
