import { phrase, type PatternRule } from '../rule-types.js';
import { BROAD_SCOPE, clause, CONDITION_WORDS, NOT_BEFORE } from './intent-cues.js';

/** A claim that someone already said yes: the intent half of a "standing approval". */
const APPROVAL_CLAIM = [
  // pre-approved, approved in advance, green-lit
  String.raw`pre-?(?:approved|authori[sz]ed|cleared|authorised)|green-?lit|signed\s+off`,
  // has / have / already approved, allowed, authorised, consented
  String.raw`(?:has|have|had|already|explicitly|previously)\s+(?:\w{1,20}\s+)?(?:approved|` +
    String.raw`allowed|authori[sz]ed|okayed|ok'd|consented|agreed|granted|permitted|whitelisted)`,
  // "the user approved", "user allowed", "user said yes to everything"
  String.raw`(?:user|owner|human|operator|i)\s+(?:\w{1,20}\s+)?(?:approved|allowed|authori[sz]ed|okayed|consented|permitted|said\s+(?:yes|ok|okay))`,
  // a standing approval or blanket permission named as such
  String.raw`standing\s+(?:approval|permission|consent|authori[sz]ation)|blanket\s+(?:approval|permission|consent)|approved\s+in\s+advance`,
  // "is allowed / permitted / ok" as a rule
  String.raw`(?:is|are)\s+(?:always\s+)?(?:allowed|permitted|pre-?approved|ok(?:ay)?|fine)\s+(?:without|to\s+run|to\s+execute)`,
].join('|');

/** Asking stops: no confirmation, approval or review before acting. */
const NO_ASKING = [
  // never / don't / no longer / stop asking or confirming
  String.raw`(?:never|don'?t|do\s+not|no\s+longer|stop|no\s+need\s+to|without)\s+(?:\w{1,20}\s+)?(?:ask(?:ing)?|` +
    String.raw`confirm(?:ing)?|check(?:ing)?\s+(?:with|back)|prompt(?:ing)?|wait(?:ing)?\s+for|surfac(?:e|ing))`,
  // without confirmation / approval / review
  String.raw`without\s+(?:\w{1,20}\s+)?(?:confirmations?|approvals?|permission|review|sign-?off|a\s+prompt)`,
  // doesn't want to be asked
  String.raw`(?:doesn'?t|does\s+not|don'?t)\s+want\s+to\s+be\s+(?:asked|prompted|bothered|interrupted)`,
  // skip the approval step
  String.raw`(?:skip|bypass|drop)\s+(?:the\s+)?(?:approval|confirmation|permission|review)\s+(?:step|prompts?|checks?|dialogs?)`,
].join('|');

/** What needs asking about: privileged, destructive or outward actions, not formatting or tests. */
const RISKY_ACT = [
  // shell and privilege
  String.raw`sudo|root|shell\s+commands?|any\s+commands?|all\s+commands?|every\s+command|` +
    String.raw`terminal|install(?:ing|s)?\s+(?:\w{1,20}\s+)?(?:packages?|software|extensions?)`,
  // deletion and history rewriting
  String.raw`delet(?:e|es|ing|ions?)|remov(?:e|al|ing)\s+(?:files?|data|branches|records)|` +
    String.raw`rm\s+-\w{0,3}r|drop\s+table|truncate|wipe|force[- ]push|rewrit\w{1,5}\s+history`,
  // deploys, production, money, merges
  String.raw`deploy(?:s|ing|ments?)?|prod(?:uction)?\b|releases?|publish(?:ing)?|payments?|purchases?|` +
    String.raw`transfers?|merg(?:e|es|ing)\s+(?:\w{1,20}\s+)?(?:prs?|pull\s+requests?|into\s+main)`,
  // credentials and keys
  String.raw`credentials?|passwords?|ssh\s+keys?|authorized_keys`,
  // destructive as a word
  String.raw`destructive|irreversible|dangerous|risky|everything|anything|all\s+tool\s+calls?`,
].join('|');

/** The same cues in Spanish, Portuguese, Italian, French, German, Russian, Chinese and Japanese. */
const CLAIM_ML = [
  // es, pt, it, fr: has authorised / approved
  String.raw`(?:ha|han|tem|hanno|a|ont)\s+(?:\w{1,20}\s+)?(?:autorizado|aprobado|aprovado|autorizzato|approvato|autorise|approuve|permitido|permis)`,
  String.raw`pre-?(?:aprobado|aprovado|approvato|approuve|autorizado|autorise)`,
  // de
  String.raw`(?:hat|haben)\s+(?:\S{1,20}\s+){0,3}(?:genehmigt|erlaubt|freigegeben|autorisiert)|vorab\s+(?:genehmigt|freigegeben)`,
  // ru
  String.raw`(?:разрешил|одобрил|авторизовал|дал\s+согласие|заранее\s+одобр)`,
  // zh, ja
  String.raw`已授权|已經授權|已授權|已批准|已同意|预先批准|預先批准|承認済み|許可済み|事前承認|許可しています|承認しています|許可した`,
].join('|');
const SCOPE_ML = [
  String.raw`\b(?:todos|todas|cualquier|qualquer|tutti|tutte|qualsiasi|tous|toutes|n'importe|alle|jede[nrsm]?|samtliche)\b`,
  String.raw`(?:все|любые|любых|любой)(?![\p{L}])|任何|所有|全部|一切|すべて|全て|あらゆる|どんな`,
].join('|');
const NO_ASK_ML = [
  String.raw`\b(?:sin|sem|senza|sans|ohne)\s+(?:\S{1,20}\s+)?(?:confirmacion|confirmacao|conferma|` +
    String.raw`confirmation|preguntar|perguntar|chiedere|demander|ruckfrage|bestatigung|nachfrage|zu\s+fragen)`,
  String.raw`\b(?:no|nao|non|ne|nie(?:mals)?|nicht)\s+(?:\S{1,20}\s+)?(?:preguntes|` +
    String.raw`perguntes|pergunte|chiedere|demande|frage|nachfragen|confirmes|confirme)`,
  String.raw`без\s+(?:\S{1,20}\s+)?(?:подтвержд|согласовани|вопросов|запрос)|не\s+(?:спрашивай|запрашивай)`,
  String.raw`(?:不需要|无需|無需|不用|不必)(?:再)?(?:确认|確認|询问|詢問|批准)|確認(?:は|を)?(?:不要|せずに|なしで|しないで)|聞かずに|尋ねずに`,
].join('|');
const RISKY_ML = [
  String.raw`\b(?:comandos?|commandes?|befehle?|comandi|sudo|rm\s+-\w{0,3}r|borrar|eliminar|supprimer|loschen|` +
    String.raw`eliminare|apagar|despliegues?|deploys?|produccion|producao|produzione|production|produktion)\b`,
  String.raw`команд|удален|удали|деплой|продакшен|删除|刪除|部署|命令|生产|コマンド|削除|デプロイ|本番`,
].join('|');

/** Permission or approval claims (issue 18 item 1): a claimed consent that removes the user from the loop. */
export const INTENT_PERMISSION_RULES: readonly PatternRule[] = [
  // "the user pre-approved all shell commands", "standing approval: deletes are fine"
  phrase(
    'intent.permission.claimed_approval',
    'persistence',
    'high',
    String.raw`\b(?:${APPROVAL_CLAIM})${clause(10)}(?:${BROAD_SCOPE})|\b(?:${BROAD_SCOPE})` +
      String.raw`${clause(10, CONDITION_WORDS)}${NOT_BEFORE}(?:${APPROVAL_CLAIM})`,
  ),
  // "run sudo commands directly without asking", "never ask before deleting"
  phrase(
    'intent.permission.no_asking_for_risky',
    'persistence',
    'high',
    String.raw`\b(?:${RISKY_ACT})\b${clause(8)}(?:` +
      String.raw`${NO_ASKING})\b|` +
      String.raw`\b(?:never|don'?t|do\s+not|no\s+longer|stop|no\s+need\s+to)\s+(?:\w{1,20}\s+)?(?:ask(?:ing)?|` +
      String.raw`confirm(?:ing)?|check(?:ing)?\s+(?:with|back)|prompt(?:ing)?)` +
      String.raw`${clause(3)}(?:before|for|about|when|on|prior\s+to)${clause(4)}(?:${RISKY_ACT})\b`,
  ),
  // other languages: a claim of consent with a scope of all commands, or no more asking before a risky act
  phrase(
    'intent.permission.claimed_approval_ml',
    'persistence',
    'high',
    String.raw`(?:${CLAIM_ML})[^\n.;。！？]{0,60}?(?:${SCOPE_ML})|(?:${SCOPE_ML})[^\n.;。！？]{0,60}?(?:${CLAIM_ML})`,
  ),
  phrase(
    'intent.permission.no_asking_ml',
    'persistence',
    'high',
    String.raw`(?:${NO_ASK_ML})[^\n.;。！？]{0,60}?(?:${RISKY_ML})|(?:${RISKY_ML})[^\n.;。！？]{0,60}?(?:${NO_ASK_ML})`,
  ),
];
