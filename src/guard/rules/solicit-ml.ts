import { phrase, type PatternRule } from '../rule-types.js';

/** "Your password" / "give me the password" addressed to the model, beyond English (folded: no accents). */
const YOUR_PASSWORD = [
  '(?:ihr|ihre|dein|deine)\\s+(?:passwort|kennwort|geheimes?\\s+\\w{1,30})',
  '(?:tu|su|vuestra)\\s+contrasena',
  '(?:votre|ton)\\s+mot\\s+de\\s+passe',
  '(?:sua|tua)\\s+senha',
  '(?:la\\s+tua|la\\s+sua)\\s+password',
  '(?:ваш|твой)\\s+пароль',
  '(?:你的|您的)(?:密码|密碼)',
  'あなたの(?:パスワード|秘密)',
  '(?:당신의|너의)\\s*(?:비밀번호|암호)',
  'كلمة\\s+(?:المرور|السر)\\s+(?:الخاصة\\s+بك|خاصتك)',
  '(?:आपका|तुम्हारा)\\s+पासवर्ड',
  '(?:sifreniz|sifreni|parolanizi)',
  'kata\\s+sandi\\s+(?:anda|kamu)',
  'mat\\s+khau\\s+cua\\s+(?:ban|anh|chi)',
  '(?:iyong|inyong)\\s+password',
  'আপনার\\s+পাসওয়ার্ড',
  'รหัสผ่านของคุณ',
  'パスワードが必要',
  '(?:密码|密碼)(?:给我|給我|告诉我|告訴我)',
  '(?:tua|sua)\\s+chiave\\s+segreta',
  '(?:tu|su)\\s+clave\\s+secreta',
  '(?:votre|ta)\\s+cle\\s+secrete',
  '(?:sua|tua)\\s+chave\\s+secreta',
  '(?:sua|tua)\\s+palavra-passe',
  'مفتاحك\\s+السري',
  '(?:поделиться|поделитесь|скажите|скажи|назовите)\\s+(?:\\S{1,30}\\s+)?(?:своим\\s+|ваш\\s+)?парол',
  'パスワードは[?？]',
  '비밀번호(?:가|는)\\s*(?:뭐|무엇)',
  '비밀번호를\\s+(?:\\S{1,30}\\s+)?공유',
];

/** "You are now …", "entering … mode", "ignore everything" and split-string assembly beyond English. */
const ROLE_ML = [
  'du\\s+bist\\s+(?:jetzt|nun|ab\\s+sofort)\\s+(?:ein|eine|der|die)?',
  'ahora\\s+eres',
  'tu\\s+es\\s+maintenant',
  'agora\\s+(?:voce|tu)\\s+(?:e|es)\\b',
  'ora\\s+sei',
  'теперь\\s+ты',
  '你现在是',
  '你現在是',
  'あなたは今',
  '(?:너는|당신은)\\s+이제',
  'sen\\s+artik',
  'kamu\\s+sekarang\\s+adalah',
  'bay\\s+gio\\s+ban\\s+la',
  String.raw`(?:memasuki|entrando\s+en|entrando\s+no|entro\s+in|j'entre\s+en|wechsle\s+in\s+den|` +
    String.raw`вхожу\s+в)\s+(?:\S{1,30}\s+){0,2}?["'‘“«]?(?:mode|modo|modus|режим)`,
  '<\\s*(?:系统|系統|システム|시스템|системн\\S{0,20}|sistema|systeme)[^<>]{0,20}>',
  '(?:进入|進入)[^。]{0,10}模式',
  'モード(?:に入|を有効)',
  '모드(?:로|에)\\s*(?:전환|진입|들어)',
  'मोड\\S{0,20}\\s+में\\s+प्रवेश',
];

/** The same authority claims as in English: "I am your developer", "as an AI developed by …", "known as DAN". */
const AUTHORITY_ML = [
  'ich\\s+bin\\s+(?:gott|dein\\s+(?:entwickler|chef|administrator|schopfer))',
  'sou\\s+(?:o\\s+)?(?:teu|seu)\\s+(?:desenvolvedor|criador|chefe)',
  'soy\\s+tu\\s+(?:desarrollador|jefe|creador|administrador)',
  'je\\s+suis\\s+(?:ton|votre)\\s+(?:developpeur|createur|patron|administrateur)',
  'я\\s+(?:твой|ваш)\\s+(?:разработчик|создатель|начальник)',
  '我是你的(?:开发者|开发人员|開發者|老板|老闆|上司)',
  '私は(?:神|あなたの(?:上司|開発者))',
  '나는\\s+(?:신|당신의\\s+(?:개발자|상사))',
  '(?:du\\s+musst|debes|tu\\s+dois|devi|voce\\s+deve)\\s+(?:alle|todas|toutes|tutte)\\b',
  String.raw`(?:разработанн\S{0,20}|desarrollad[oa]|developpe|entwickelt|sviluppat[oa]|desenvolvid[oa]|` +
    String.raw`dikembangkan|geliştirilen|gelistirilen)\s+(?:por|par|von|da|oleh|tarafindan)?\s*(?:openai|anthropic)`,
  '(?:openai|anthropic)\\s*(?:开发的|開發的|が開発した|द्वारा\\s+विकसित|tarafindan)',
  '(?:एंथ्रोपिक|ओपनएआई)\\s+द्वारा\\s+विकसित',
  String.raw`(?:known\s+as|kilala\s+bilang|llamad[oa]|appele|genannt|chiamat[oa]|conhecid[oa]\s+como|` +
    String.raw`известн\S{1,30}\s+как|dikenal\s+sebagai)\s+["'“]?dan\b`,
];
const PASSWORD_ML =
  String.raw`(?:sifre\S{0,20}|contrasena|senha|palavra-passe|mot\s+de\s+passe|passwort|парол\S{0,20}|密码|密碼|パスワード|` +
  String.raw`비밀번호|암호|পাসওয়ার্ড|kata\s+sandi|mat\s+khau|รหัสผ่าน|पासवर्ड)`;
const ENCODINGS = '(?:base64|rot-?13|morse|hex)';
const IGNORE_ALL_ML = [
  '(?:ignora|ignore|ignorez|ignoriere|ignorar|ignorer|vergiss|olvida|oublie|dimentica|esquece)\\w{0,20}\\s+(?:tutto|todo|tout|alles|tudo)\\b',
  '(?:تغاضى|تجاهل)\\s+(?:عن\\s+)?كل',
  '(?:игнорируй|забудь)\\s+вс[её]',
  '(?:忽略|忘记|忘記)(?:所有|一切|之前)',
  'इग्नोर\\s+(?:\\S{1,30}\\s+)?(?:सूचना|निर्देश)',
  '無視して[^。]{0,40}(?:述べ|言って|書いて|出力|答え)',
  String.raw`(?:ignore|ignorez|ignora|ignoriere|ignorar)\w{0,20}\s+(?:\S{1,30}\s+){0,4}?(?:and|et|y|e|und|then|` +
    String.raw`puis|dann)\s+(?:\S{1,30}\s+)?(?:state|say|print|write|output|respond|reply|answer|claim|indiquez|` +
    String.raw`indique|dites|di|diga|sag|sage)\b`,
];

export const ROLE_ML_RULES: readonly PatternRule[] = [
  phrase('role.you_are_now_ml', 'role_hijack', 'medium', ROLE_ML.join('|')),
  phrase('override.ignore_all_ml', 'override', 'high', IGNORE_ALL_ML.join('|')),
  phrase('authority.claimed_identity_ml', 'fake_authority', 'medium', AUTHORITY_ML.join('|')),
  phrase(
    'leak.encoded_secret_ml',
    'prompt_leak',
    'high',
    `${PASSWORD_ML}[^\\n]{0,120}?${ENCODINGS}|${ENCODINGS}[^\\n]{0,120}?${PASSWORD_ML}`,
  ),
];

/** "You must answer all my questions", as override.obey says it in English. */
const OBEY_ML = [
  '(?:du\\s+musst|sie\\s+mussen)\\s+(?:mir\\s+)?alle\\s+(?:meine\\s+)?fragen\\s+beantworten',
  '(?:debes|tienes\\s+que)\\s+responder\\s+(?:a\\s+)?todas\\s+(?:mis\\s+)?preguntas',
  '(?:tu\\s+dois|vous\\s+devez)\\s+repondre\\s+a\\s+toutes\\s+(?:mes\\s+)?questions',
  '(?:voce\\s+deve|tens\\s+de|tem\\s+que)\\s+responder\\s+(?:a\\s+)?todas\\s+(?:as\\s+)?(?:minhas\\s+)?perguntas',
  'devi\\s+rispondere\\s+a\\s+tutte\\s+(?:le\\s+)?(?:mie\\s+)?domande',
  'ты\\s+должен\\s+отвечать\\s+на\\s+все',
];

/** "Combine A, B and C" (payload splitting), verb before or after the letters, beyond English. */
const COMBINE_ML =
  String.raw`kombinier|verbind|combin|junt|une|unisci|объедин|соедин|组合|合并|結合|組み合わせ|결합|합쳐|합치|اجمع|ادمج|मिला|জোড়|একত্র|รวม|gabung|` +
  String.raw`ket\s+hop|birlestir|pagsamahin`;
const ASSEMBLE_ML =
  String.raw`(?:${COMBINE_ML})\S{0,6}\s{0,3}a\s*[,、]\s*b\s*(?:[,、]|\s(?:und|y|e|et|и|dan|va|ve|at)\s)\s*c(?![\p{L}\p{N}])|` +
  String.raw`(?<![\p{L}\p{N}])a\s*[,、]\s*b\s*[,、]?\s*(?:\S{1,4}\s)?c\S{0,3}\s{0,3}(?:${COMBINE_ML})`;

/** "The confidential string that unlocks the system": a secret asked for without naming it. */
const SECRET_STRING_ML =
  String.raw`(?:vertraulich|geheim|confidencial|secreta|confidenzial|segreta|confidentiel|secrete|конфиденциальн|секретн|机密|秘密|機密|기밀|비밀|` +
  String.raw`سري|السري|गोपनीय|গোপন|ลับ|rahasia|bi\s+mat|gizli|lihim)[^\n]{0,60}?(?:entsperr|desbloque|sblocc|deverrouill|разблок|解锁|解除|` +
  String.raw`잠금\s*해제|يفتح|अनलॉक|আনলক|ปลดล็อก|membuka|mo\s+khoa|kilidini|unlock)`;

export const SOLICIT_ML_RULES: readonly PatternRule[] = [
  phrase('obfuscation.assemble_strings_ml', 'obfuscation', 'medium', ASSEMBLE_ML),
  phrase('leak.secret_string_ml', 'prompt_leak', 'medium', SECRET_STRING_ML),
  phrase('override.obey_ml', 'override', 'medium', OBEY_ML.join('|')),
  phrase('leak.ask_secret_ml', 'prompt_leak', 'high', YOUR_PASSWORD.join('|')),
];
