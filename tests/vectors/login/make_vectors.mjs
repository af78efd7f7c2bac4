// Login vectors, part 1 (Node.js 20): Mini App init data signed by @telegram-apps/init-data-node 2.0.10
// (`sign`, checked by its own `validate`), Login Widget data whose hash this script computes with
// node:crypto and @telegram-auth/server 1.0.5's `AuthDataValidator` accepts, and the init data that
// Telegram's Mini Apps documentation publishes (bot 7342037359, with Telegram's Ed25519 `signature`),
// checked by `validate` and by `validate3rd` against Telegram's production public key. Prints JSON lines for
// check_vectors.py (part 2: aiogram 3.22.0 must accept every one). Run make_vectors.sh, not this.
import { createHash, createHmac } from 'node:crypto';
import { sign, validate, validate3rd } from '@telegram-apps/init-data-node';
import { AuthDataValidator, urlStrToAuthDataMap } from '@telegram-auth/server';

const token = '7342037359:AAHQ_login-vectors-only_NOT-a-real-token';
const users = [
  { id: 777000, first_name: 'Ann', last_name: 'Lee', username: 'ann_lee', photo_url: 'https://t.me/i/userpic/320/ann.jpg' },
  { id: 5000000001, first_name: 'Zoë & Co', username: 'zoe' },
  { id: 42, first_name: 'Иван', last_name: 'Петров=100%' },
  { id: 9007199254740991, first_name: '名前 😀', username: 'big_id', photo_url: 'https://t.me/i/userpic/320/a.jpg?x=1&y=2' },
];
const authDate = 1764200000;

function widgetHash(fields) {
  const check = Object.keys(fields).sort().map((key) => `${key}=${fields[key]}`).join('\n');
  const secret = createHash('sha256').update(token).digest();
  return createHmac('sha256', secret).update(check).digest('hex');
}

const validator = new AuthDataValidator({ botToken: token, inValidateDataAfter: 1e10 });
for (const user of users) {
  const fields = { ...user, auth_date: authDate };
  for (const key of Object.keys(fields)) fields[key] = String(fields[key]);
  const hash = widgetHash(fields);
  const query = Object.entries({ ...fields, hash })
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  await validator.validate(urlStrToAuthDataMap(`https://example.com/login?${query}`));
  console.log(JSON.stringify({ kind: 'widget', token, query, id: String(user.id), auth_date: authDate }));
}

for (const user of users) {
  const { photo_url, ...rest } = user;
  const data = {
    query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
    user: { ...rest, language_code: 'en', allows_write_to_pm: true, ...(photo_url ? { photo_url } : {}) },
    chat_instance: '-3788475317572404878',
    chat_type: 'private',
    // Telegram's Ed25519 signature for third parties (not checked here): kept in the bot-token check.
    signature: 'wGWpS8Dz2BuSXEbrJjk3SLjiA-Pn1gN3fWFYWbk9T0x8WSuOCUVPCcaMNJlWGmOiXGvdVCuKzzY1xTHjMQ1mAQ',
  };
  const query = sign(data, token, new Date(authDate * 1000));
  validate(query, token, { expiresIn: 0 });
  console.log(JSON.stringify({ kind: 'mini-app', token, query, id: String(user.id), auth_date: authDate }));
}

// Published in Telegram Mini Apps' documentation (docs.telegram-mini-apps.com, init data validation).
const published = {
  token: '7342037359:AAHI25ES9xCOMPokpYoz-p8XVrZUdygo2J4',
  query:
    'user=%7B%22id%22%3A279058397%2C%22first_name%22%3A%22Vladislav%20%2B%20-%20%3F%20%5C%2F%22%2C%22last_name%22%3A%22Kibenko%22%2C%22username%22%3A%22vdkfrost%22%2C%22language_code%22%3A%22ru%22%2C%22is_premium%22%3Atrue%2C%22allows_write_to_pm%22%3Atrue%2C%22photo_url%22%3A%22https%3A%5C%2F%5C%2Ft.me%5C%2Fi%5C%2Fuserpic%5C%2F320%5C%2F4FPEE4tmP3ATHa57u6MqTDih13LTOiMoKoLDRG4PnSA.svg%22%7D&chat_instance=8134722200314281151&chat_type=private&auth_date=1733509682&signature=TYJxVcisqbWjtodPepiJ6ghziUL94-KNpG8Pau-X7oNNLNBM72APCpi_RKiUlBvcqo5L-LAxIc3dnTzcZX_PDg&hash=a433d8f9847bd6addcc563bff7cc82c89e97ea0d90c11fe5729cae6796a36d73',
};
validate(published.query, published.token, { expiresIn: 0 });
await validate3rd(published.query, 7342037359, { expiresIn: 0 });
console.log(JSON.stringify({ kind: 'mini-app-signed', ...published, id: '279058397', auth_date: 1733509682 }));
