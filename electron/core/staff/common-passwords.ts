/**
 * A short list of passwords long enough to pass the length rule that
 * attackers try first (from published lists of leaked passwords), compared
 * after lower-casing and removing spaces. Short on purpose: it catches the
 * obvious, the length rule does the rest.
 */
export const commonPasswords: ReadonlySet<string> = new Set([
  '123456789012', '1234567890123', '12345678901234', '123123123123', '111111111111', '000000000000',
  '123456123456', '987654321098', '121212121212', '112233445566', '147258369147', 'qwertyuiopas',
  'qwertyuiop12', 'qwertyuiop123', 'qwerty123456', '1qaz2wsx3edc', '1q2w3e4r5t6y', 'zaq12wsxcde3',
  'asdfghjkl123', 'zxcvbnm12345', 'qazwsxedcrfv', 'aaaaaaaaaaaa', 'abcdefghijkl', 'abc123abc123',
  'password1234', 'password12345', 'password123456', 'passwordpassword', 'password!234', 'p@ssword1234',
  'p@ssw0rd1234', 'passw0rd1234', 'mypassword123', 'changeme1234', 'changemenow1', 'letmein12345',
  'welcome12345', 'welcome123456', 'iloveyou1234', 'sunshine1234', 'football1234', 'baseball1234',
  'superman1234', 'starwars1234', 'trustno11234', 'administrator', 'administrator1', 'admin1234567',
  'adminadmin12', 'fieldbook123', 'fieldbook1234', 'fieldbookfieldbook', 'correcthorsebatterystaple',
  'monkey123456', 'dragon123456', 'princess1234', 'qwertyqwerty', 'summer202526', 'winter2026!!',
  'spring2026!!', 'autumn2026!!', 'january2026!', 'december2026', 'london123456', 'manchester12',
]);
