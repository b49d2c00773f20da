/**
 * Vocabulary for the redirection detector (issue 18 item 1): what an attacker points elsewhere (money,
 * contacts, logins, sources of code, name resolution), the verbs that point it, and where it now goes.
 * Matched on the folded view (lower case, no accents).
 */

/** Things whose destination matters: paying, contacting, signing in, fetching code, resolving names. */
export const REDIRECT_TARGET = [
  // money
  String.raw`payments?|payment\s+(?:links?|details|info)|payouts?|invoices?|refunds?|tips|donations?|remittance(?:\s+address)?|` +
    String.raw`wire\s+transfers?|transfers|iban|swift|bic|routing\s+numbers?|(?:bank\s+)?account\s+(?:numbers?|details)|` +
    String.raw`bank\s+details|payee|beneficiary|wallet(?:\s+address(?:es)?)?|(?:btc|eth|usdt|crypto)\s+address|paypal|venmo`,
  // contacts and logins
  String.raw`support\s+(?:contact|email|address|line|number|link|page|channel)|help\s*desk|contact\s+(?:email|address|info)|` +
    String.raw`(?:e-?mail|address|number)\s+(?:for|of)\s+(?:the\s+|their\s+|my\s+)?\w{1,20}|invite\s+links?|invites?|` +
    String.raw`login\s+(?:link|page|url|button)|sign-?\s?in\s+(?:link|page|url|button)|sign\s+in\s+with\s+\w{1,20}|` +
    String.raw`oauth\s+(?:url|endpoint|redirect)|redirect_uri|password\s+reset\s+(?:links?|pages?|emails?)|` +
    String.raw`account\s+recovery|sso\s+(?:url|page|links?)|security\s+contact`,
  // where code and tools come from
  String.raw`registry|registries|index-url|(?:base|container|docker)\s+images?|docker\s*hub|package\s+index|(?:pip|python|nuget|yarn|pnpm)\s+(?:index|mirror|registry|source|feed)|(?:pypi|npm|maven|gem|cargo|docker|brew|homebrew|go|` +
    String.raw`module|terraform|provider|helm|apt|conda)\s+(?:mirror|registry|source|index|repo|proxy|channel)|mirrors?|` +
    String.raw`proxy|goproxy|\btaps?\b|marketplace|feeds?|channels?|extensions?|plugins?|download\s+(?:links?|urls?|pages?)|` +
    String.raw`releases?|installers?|binar(?:y|ies)|update\s+(?:server|url|feed|channel)|remote\s+url|origin|` +
    String.raw`repository|repo\s+url|bugs\s+url|homepage|cdn|script\s+src|base\s+url|api\s+(?:base|endpoint|host)`,
  // names and tracking
  String.raw`dns|nameservers?|resolvers?|\/etc\/hosts|hosts\s+file|a\s+record|cname|(?:analytics|tracking|measurement|` +
    String.raw`pixel)\s+(?:id|tag|code)|webhook\s+url`,
  // es, pt, fr, de, it, ru, zh, ja
  String.raw`пакет\S{0,3}|индекс\S{0,2}|зеркал\S{0,3}|репозитори\S{0,2}|pagos?|facturas?|cuenta\s+bancaria|pagamentos?|conta\s+bancaria|paiements?|factures?|compte\s+bancaire|` +
    String.raw`zahlungen|rechnungen|bankverbindung|konto(?:nummer)?|pagamenti|fatture|conto\s+bancario|` +
    String.raw`плат[её]ж\S{0,3}|сч[её]т\S{0,3}|реквизит\S{0,3}|付款|收款|账户|帳戶|银行账号|镜像|振込|口座|支払い|ミラー`,
].join('|');

/** Verbs and framings that send a target somewhere new. */
export const POINT_ELSEWHERE = [
  // point, link, route, send
  String.raw`point(?:s|ed|ing)?\s+(?:\S{1,30}\s+){0,4}?(?:at|to)|links?\s+to|should\s+(?:go|link|point)\s+to|` +
    String.raw`send\s+(?:\S{1,20}\s+){0,3}?to|redirect\w{0,3}|route\w{0,2}\s+(?:\S{1,20}\s+){0,3}?to|forward\w{0,3}\s+to`,
  // replace, override, switch
  String.raw`replac\w{1,3}|overrid\w{1,3}|swap\w{0,3}|switch\w{0,2}\s+(?:\S{1,20}\s+){0,3}?to|` +
    String.raw`chang\w{1,3}\s+(?:\S{1,20}\s+){0,4}?to|updat\w{1,3}\s+(?:\S{1,20}\s+){0,4}?to|` +
    String.raw`set\s+(?:\S{1,20}\s+){0,4}?to|set\s+(?:it|this|that)\s+as|now\s+(?:comes?|are\s+pulled|are\s+installed|get\s+pulled)\s+from|migrat\w{1,3}\s+to|moved\s+to|instead\s+of|rather\s+than|in\s+place\s+of|` +
    String.raw`--remove|remove\s+(?:the\s+)?(?:default|official|old)`,
  // new, now, preferred
  String.raw`(?:is|are)\s+now|(?:the|a|our|their)\s+new|new\s+(?:\w{1,20}\s+)?(?:address|account|link|url|org|home|location)|` +
    String.raw`from\s+now\s+on|going\s+forward|preferred|(?:for|on)\s+all|for\s+(?:every|any|each|new)|` +
    String.raw`not\s+the\s+(?:official|default|usual|old)|(?:team|our|internal)\s+(?:fork|mirror)|` +
    String.raw`ignore\s+(?:any\s+|the\s+|all\s+)?(?:\w{1,20}\s+){0,2}(?:warnings?|errors?|prompts?|mismatch\w{0,3}|address|` +
    String.raw`account|link|contacts?|emails?)`,
  // es, pt, fr, de, it, ru, zh, ja
  String.raw`ahora|nueva?|en\s+lugar\s+de|agora|novo|nova|em\s+vez\s+de|desormais|nouveau|nouvelle|au\s+lieu\s+de|` +
    String.raw`jetzt|neue[nrs]?|statt|anstatt|ora|nuovo|nuova|invece\s+di|теперь|нов\S{1,3}|вместо|только\s+(?:с|из)|отныне|改为|改成|换成|` +
    String.raw`替换|新的|以后|今後|新しい|代わりに|変更`,
].join('|');

/** A destination: an address, host, e-mail, phone, account, wallet or module path. */
export const REDIRECT_DESTINATION =
  String.raw`https?:\/\/\S{2,200}(?!\S)|[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{2,20}|` +
  String.raw`(?<![\w.@-])[a-z0-9-]{1,40}(?:\.[a-z0-9-]{1,40}){0,3}\.(?:com|net|org|io|app|dev|co|xyz|site|info|biz|cn|ru|` +
  String.raw`top|me|gg|sh|cc|to|ly|link|online|store|pro|cloud|tech)\b(?:\/\S{0,100})?|` +
  String.raw`\b(?:\d{1,3}\.){3}\d{1,3}\b|\+\d[\d ().-]{7,20}\d|\b[a-z]{2}\d{2}\s?(?:[a-z0-9]{1,4}\s?){3,8}|\b\d{8,20}\b|\bp\.?\s?o\.?\s+box\s+\d{1,8}|` +
  String.raw`\b(?:0x)?[a-f0-9]{40}\b|\b(?:[13][a-km-z1-9]{25,34}|bc1[a-z0-9]{25,60})\b|\bg-[a-z0-9]{6,12}\b`;

/** Commands and settings that choose where packages, modules and images come from. */
export const SOURCE_SETTING =
  String.raw`registry\s*[=:]|--registry[= ]|npm\s+config\s+set\s+registry|npmregistryserver|(?:extra-)?index-url\s*[= ]|` +
  String.raw`pip\s+config\s+set|goproxy\s*=|go\s+env\s+-w\s+goproxy|gem\s+sources\s+(?:--add|-a)|brew\s+tap|` +
  String.raw`provider_installation|network_mirror|registry-mirrors|replace-with|conda\s+config\s+--add\s+channels|` +
  String.raw`add-apt-repository|helm\s+repo\s+add|sources\.list|nameserver\s|composer\s+config\s+repo`;

/** Hosts that are the official sources themselves: pointing at them redirects nothing. */
export const OFFICIAL_HOST =
  String.raw`(?:registry\.npmjs\.org|registry\.yarnpkg\.com|pypi\.org|pypi\.python\.org|files\.pythonhosted\.org|` +
  String.raw`download\.pytorch\.org|rubygems\.org|proxy\.golang\.org|sum\.golang\.org|crates\.io|index\.crates\.io|` +
  String.raw`registry\.terraform\.io|repo\.maven\.apache\.org|repo1\.maven\.org|registry-1\.docker\.io|docker\.io|` +
  String.raw`ghcr\.io|npm\.pkg\.github\.com|quay\.io|gcr\.io|conda\.anaconda\.org|repo\.anaconda\.com|` +
  String.raw`packagist\.org|localhost|127\.0\.0\.1)(?![\w.-])`;
