import { phrase, token, type PatternRule } from '../rule-types.js';

/** Code that destroys, spies or opens a door. Scripts in skills are scanned with these too. */
export const CODE_RULES: readonly PatternRule[] = [
  token('code.reverse_shell', 'code_danger', 'critical', '\\b(?:nc|ncat|netcat)\\b[^\\n]{0,40}\\s-[a-z]*e\\s|\\/dev\\/tcp\\/|\\bsh\\s+-i\\b[^\\n]{0,20}[<>]|pty\\.spawn|socket\\.socket\\([^)]*\\)[\\s\\S]{0,200}?(?:subprocess|os\\.dup2|\\/bin\\/(?:ba)?sh)', 'gi'),
  token('code.destroy_root', 'code_danger', 'critical', '\\brm\\s+-[a-z]*r[a-z]*f?[a-z]*\\s+(?:--no-preserve-root\\s+)?(?:\\/|~|\\$HOME|\\/\\*)(?:\\s|$|["\'])|shutil\\.rmtree\\(\\s*["\'](?:\\/|~|C:\\\\\\\\?)["\']|\\bmkfs(?:\\.\\w+)?\\s+\\/dev\\/|\\bdd\\s+if=\\/dev\\/(?:zero|random|urandom)\\s+of=\\/dev\\/|os\\.remove\\(\\s*["\']\\/(?:lib|bin|etc|boot|usr)', 'gi'),
  token('code.fork_bomb', 'code_danger', 'critical', ':\\(\\)\\s*\\{\\s*:\\s*\\|\\s*:\\s*&\\s*\\}\\s*;\\s*:|while\\s+true\\s*:?\\s*\\n?\\s*os\\.fork\\(\\)|while\\s*\\(\\s*1\\s*\\)\\s*fork\\(\\)', 'gi'),
  token('code.download_exec', 'code_danger', 'high', '\\b(?:curl|wget)\\b[^\\n]{0,200}(?:-o|-O|>)\\s*\\S+[^\\n]{0,80}(?:chmod\\s+\\+x|&&\\s*\\.\\/|;\\s*\\.\\/)|\\bwget\\b[^\\n]{0,200}exploit|urlretrieve\\([^)]*\\)[\\s\\S]{0,120}?(?:exec|os\\.system|subprocess)', 'gi'),
  token('code.spyware', 'code_danger', 'high', '\\b(?:pynput|keyboard\\.on_press|GetAsyncKeyState|pyautogui\\.screenshot|ImageGrab\\.grab|win32clipboard|pbpaste|xclip|snippingtool|psutil\\.process_iter|ReadProcessMemory|driverquery|http\\.cookiejar|browser_cookie3|MozillaCookieJar|SimpleCookie)\\b', 'gi'),
  token('code.disable_network', 'code_danger', 'high', 'ipconfig\\s+\\/release|ifconfig\\s+\\w+\\s+down|nmcli\\s+networking\\s+off|iptables\\s+-[AI]\\s+OUTPUT\\s+-j\\s+DROP|netsh\\s+interface\\s+set\\s+interface[^\\n]{0,40}disable', 'gi'),
  token('code.stop_services', 'code_danger', 'high', '\\bsystemctl\\s+(?:stop|disable|mask)\\s+(?:critical|firewall|sshd|auditd|[\\w.-]*\\.service)|\\bkill\\s+-9\\s+1\\b|\\bshutdown\\s+(?:-h|\\/s)\\b', 'gi'),
  token('code.crypto_miner', 'code_danger', 'critical', '\\b(?:xmrig|cryptonight|minerd|cpuminer|stratum\\+tcp|coinhive|cryptomine)\\b', 'gi'),
  token('code.ransom', 'code_danger', 'high', '(?:Cipher|AES|Fernet)[\\s\\S]{0,400}?(?:os\\.walk|glob\\.glob)[\\s\\S]{0,400}?(?:\\.encrypt|ransom)|ransom(?:ware|\\s+note)', 'gi'),
  token('code.flood', 'code_danger', 'high', 'while\\s+True\\s*:[\\s\\S]{0,200}?(?:requests\\.(?:get|post)|subprocess\\.(?:call|run|Popen)\\([^)]{0,80}(?:curl|ping|hping))', 'g'),
  token('code.net_exfil_loop', 'code_danger', 'high', '(?:requests\\.post|urlopen|http\\.client\\.HTTPS?Connection|ftplib\\.FTP|smtplib\\.SMTP|yagmail)[\\s\\S]{0,300}?(?:files\\s*=|data\\s*=\\s*(?:f|file|open)|\\.storbinary|sendmail|\\.send\\()', 'g'),
  token('code.ssh_tunnel', 'code_danger', 'high', '\\bssh\\s+-[LRD]\\s*\\d+:|\\bbind\\(\\(\\s*["\']["\']?\\s*,\\s*\\d+\\s*\\)\\)[\\s\\S]{0,80}?listen', 'gi'),
  phrase('code.inject_snippet', 'override', 'medium', `\\b(?:add|insert|include|embed|incorporate|integrate|blend|weave|merge|append|inject|feature|utili[sz]e|leverage|meld|absorb|enlist|render|employ|use)\\b[^\\n.]{0,80}\\b(?:following|below|subsequent|this)\\s+(?:code|snippet|code snippet|code block|code excerpt|code section)\\b[^\\n]{0,80}\\b(?:in|into|within|to|as)\\s+(?:a\\s+part\\s+of\\s+)?(?:your|the)\\s+(?:response|code|solution|implementation|algorithm|codebase|answer|elucidation)`),
];
