import { phrase, type PatternRule } from '../rule-types.js';

/**
 * Concealment from the user beyond English (issue 18 item 1): "don't tell the user", "without the user knowing",
 * "hide it from the user", in the languages of the labelled data. Folded view: lower case, Latin accents stripped.
 */
const HIDE_FROM_USER_ML = [
  // es, pt, it, fr
  String.raw`no\s+(?:se\s+lo\s+|le\s+)?(?:digas|menciones|cuentes|informes|avises)\s+(?:nada\s+)?al\s+usuario|sin\s+que\s+el\s+usuario\s+(?:lo\s+)?(?:sepa|note|vea)`,
  String.raw`ocult\w{1,4}\s+(?:\S{1,20}\s+){0,3}(?:al|del)\s+usuario|nao\s+(?:conte|diga|mencione|informe|avise)\s+(?:nada\s+)?(?:ao|o)\s+usuario`,
  String.raw`sem\s+que\s+o\s+usuario\s+(?:saiba|perceba|veja)|escond\w{1,4}\s+(?:\S{1,20}\s+){0,3}(?:do|ao)\s+usuario`,
  String.raw`non\s+(?:dirlo|dire|menzionar\w{0,3}|informare)\s+(?:\S{1,20}\s+)?all'utente|senza\s+che\s+l'utente\s+(?:lo\s+)?(?:sappia|noti)`,
  String.raw`nascond\w{1,4}\s+(?:\S{1,20}\s+){0,3}all'utente|ne\s+(?:le\s+|lui\s+en\s+)?(?:dis|mentionne|signale)\s+pas\s+a\s+l'utilisateur`,
  String.raw`sans\s+que\s+l'utilisateur\s+(?:ne\s+)?(?:le\s+)?(?:sache|remarque|voie)|cache\w{0,3}\s+(?:\S{1,20}\s+){0,3}a\s+l'utilisateur`,
  // de
  String.raw`(?:sag|erwahne|melde|verrate)\s+(?:es\s+|das\s+|davon\s+)?(?:dem\s+)?(?:benutzer|nutzer|anwender)\w{0,2}\s+(?:gegenuber\s+)?nichts?|verheimlich\w{1,4}`,
  String.raw`(?:vor\s+dem\s+(?:benutzer|nutzer)\s+verberg)|ohne\s+dass\s+(?:der\s+)?(?:benutzer|nutzer)\s+(?:es\s+|etwas\s+)?(?:merkt|weiss|erfahrt)`,
  // ru, zh, ja, ko
  String.raw`не\s+(?:говори|сообщай|упоминай|рассказывай)\S{0,3}\s+(?:об\s+этом\s+)?пользовател|скр(?:ой|ывай)\S{0,3}\s+(?:\S{1,20}\s+){0,2}от\s+пользовател`,
  String.raw`чтобы\s+пользователь\s+не\s+(?:знал|заметил|узнал)|(?:不要|别|不得|切勿)(?:告诉|告訴|通知|让)(?:用户|用戶)|(?:对|對|向)(?:用户|用戶)(?:隐瞒|保密)`,
  String.raw`ユーザーに(?:は)?(?:言わない|伝えない|知らせない|報告しない)|ユーザーに知られないよう|사용자에게\s*(?:알리지|말하지|보고하지)\s*(?:마|말|않)`,
  String.raw`사용자가\s*모르게|사용자\s*몰래|사용자에게\s*숨기`,
  // ar, hi, bn, th
  String.raw`لا\s+(?:تخبر|تبلغ|تذكر|تعلم)\S{0,3}\s+(?:\S{1,20}\s+)?المستخدم|(?:دون|بدون)\s+علم\s+المستخدم|[أا]خف\S{0,3}\s+(?:\S{1,20}\s+){0,2}عن\s+المستخدم`,
  String.raw`(?:उपयोगकर्ता|यूज़र|यूजर)\s+को\s+(?:मत|न|ना)\s+बता|(?:उपयोगकर्ता|यूज़र|यूजर)\s+से\s+छिपा|(?:उपयोगकर्ता|यूज़र|यूजर)\s+को\s+बिना\s+बताए`,
  String.raw`ব্যবহারকারীকে\s+(?:বলবেন|জানাবেন|বলো|জানিও)\s+না|ব্যবহারকারীর\s+কাছ\s+থেকে\s+লুকি`,
  String.raw`(?:อย่า|ไม่ต้อง)(?:บอก|แจ้ง)ผู้ใช้|ซ่อน\S{0,20}จากผู้ใช้|โดยที่ผู้ใช้ไม่รู้`,
  // id, vi, tr, tl
  String.raw`jangan\s+(?:beri\s*tahu|memberi\s*tahu|kasih\s*tahu|bilang\s+ke|laporkan\s+ke)\s+pengguna|tanpa\s+sepengetahuan\s+pengguna`,
  String.raw`sembunyikan\s+(?:\S{1,20}\s+){0,3}dari\s+pengguna|(?:dung|khong)\s+(?:noi|bao|thong\s+bao)\s+(?:\S{1,12}\s+)?(?:cho|voi)\s+nguoi\s+dung`,
  String.raw`(?:giau|an)\s+(?:\S{1,12}\s+){0,3}(?:khoi\s+)?nguoi\s+dung|kullan[iı]c[iı]ya\s+(?:\S{1,20}\s+)?(?:soyleme|bahsetme|haber\s+verme)`,
  String.raw`kullan[iı]c[iı]dan\s+gizle|kullan[iı]c[iı]\s+fark\s+etmeden|huwag\s+(?:sabihin|ipaalam)\s+(?:\S{1,12}\s+)?sa\s+user|itago\s+sa\s+user`,
  String.raw`nang\s+hindi\s+alam\s+ng\s+user`,
].join('|');

/** Concealment in other languages: a note that the user must not hear of something. */
export const INTENT_CONCEALMENT_ML_RULES: readonly PatternRule[] = [
  phrase('intent.concealment.hide_from_user_ml', 'concealment', 'high', HIDE_FROM_USER_ML),
];
