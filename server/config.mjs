// The server's settings, from the environment (and `--port N`), each documented in the README.
const MB = 1024 * 1024;

function list(value) {
  return value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `KOLAM_TOKENS="worker-17=secret1,worker-18=secret2"` → Map(token → annotator id). */
function tokensFrom(value) {
  const pairs = list(value);
  if (!pairs?.length) return null;
  const tokens = new Map();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1) throw new Error(`KOLAM_TOKENS: "${pair}" is not annotator=token.`);
    tokens.set(pair.slice(at + 1), pair.slice(0, at));
  }
  return tokens;
}

function portFrom(argv, env) {
  const at = argv.indexOf('--port');
  const value = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--port='))?.slice(7) ?? env.PORT;
  if (value === undefined) return 8787;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Port "${value}" is not a port number.`);
  return port;
}

export function configFrom(env = process.env, argv = process.argv.slice(2)) {
  return {
    port: portFrom(argv, env),
    dataDir: env.KOLAM_DATA_DIR || '.kolam-data',
    databaseUrl: env.DATABASE_URL || null,
    // null: pages on localhost / 127.0.0.1 (any port) only.
    cors: list(env.KOLAM_CORS_ORIGINS) ?? null,
    tokens: tokensFrom(env.KOLAM_TOKENS),
    bodyLimit: Number(env.KOLAM_BODY_LIMIT) || MB,
    pageSize: Number(env.KOLAM_PAGE_SIZE) || 100,
    defaultContainer: 'annotations/',
    baseUrl: env.KOLAM_PUBLIC_URL?.replace(/\/$/, '') || null,
  };
}
