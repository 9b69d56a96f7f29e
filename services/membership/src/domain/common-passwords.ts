/**
 * Passwords people pick first, refused outright (OWASP ASVS 5.0 §6.2: check against a list of
 * breached/common passwords). Lower-case; the check lower-cases the candidate. Global top lists
 * plus what Indonesians often type: religious phrases, pet names, city and club names.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  // global top lists
  'password', 'password1', 'password12', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword',
  '12345678', '123456789', '1234567890', '0123456789', '87654321', '11111111', '00000000',
  '12341234', '12121212', '123123123', '11223344', '1q2w3e4r', '1qaz2wsx', 'qwerty12',
  'qwerty123', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm123', 'abcd1234', 'abc12345', 'abcdefgh',
  'iloveyou', 'iloveyou1', 'sunshine', 'princess', 'football', 'baseball', 'superman',
  'starwars', 'whatever', 'trustno1', 'letmein1', 'welcome1', 'welcome123', 'admin123',
  'administrator', 'changeme', 'master123', 'dragon123', 'monkey123', 'michael1', 'computer',
  'internet', 'samsung1', 'google123', 'facebook', 'qwe12345', 'aa123456', 'a1234567',
  // Indonesian favourites
  'indonesia', 'indonesia1', 'indonesia123', 'merdeka45', 'merahputih', 'garuda123',
  'bismillah', 'bismillah1', 'bismillah123', 'alhamdulillah', 'assalamualaikum', 'insyaallah',
  'masyaallah', 'subhanallah', 'allahuakbar', 'sayangku', 'sayang123', 'sayangkamu',
  'cintaku', 'cinta123', 'akucintakamu', 'kamuku123', 'rahasia', 'rahasia123', 'rahasiaku',
  'katasandi', 'katasandi123', 'sandi123', 'bangsat123', 'anjing123', 'kucing123',
  'doraemon', 'persebaya', 'arema123', 'aremania', 'persija', 'jakarta123', 'surabaya',
  'malang123', 'kotamalang', 'bandung123', 'jogjakarta', 'koperasi', 'koperasi123',
  'pasar123', 'karbesmarket', 'selamat123', 'semangat', 'semangat123', 'tuhanyesus',
  'haleluya', 'barcelona', 'realmadrid', 'manchester', 'liverpool', 'juventus',
]);
