// The platform's sealing certificate (PKCS#12): the one configured for production
// (SEAL_P12_PATH + SEAL_P12_PASSPHRASE), otherwise a self-signed demonstration certificate generated on
// first use and kept under SEAL_DIR (default .data/seal) so every process of the machine shares it.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';
import * as clock from '../core/clock.ts';
import { env } from '../core/env.ts';

export type SealCertificate = {
  p12: Buffer;
  passphrase: string;
  /** The certificate's common name (CN), e.g. « ministage — sceau de démonstration ». */
  subject: string;
  /** SHA-256 (lower-case hex) of the certificate's DER. */
  fingerprint: string;
  /** True for the demonstration certificate the platform generated itself; false for a configured one. */
  selfSigned: boolean;
};

const DEMO_FILE = 'demo-seal.p12';
const DEMO_PASS_FILE = 'demo-seal.pass';
const VALIDITY_YEARS = 10;

const NOT_CONFIGURED =
  'Aucun certificat de scellement configuré (SEAL_P12_PATH, SEAL_P12_PASSPHRASE) : en production, la plateforme ne génère pas de certificat de démonstration.';

const g = globalThis as unknown as { __ministageSealCertificate?: Promise<SealCertificate> };

/** The platform's sealing certificate, loaded (or generated) once per process. */
export function sealCertificate(): Promise<SealCertificate> {
  if (!g.__ministageSealCertificate) {
    const loading = loadCertificate();
    g.__ministageSealCertificate = loading;
    // A failure (missing file, wrong passphrase) is not cached: the next call tries again.
    loading.catch(() => {
      if (g.__ministageSealCertificate === loading) delete g.__ministageSealCertificate;
    });
  }
  return g.__ministageSealCertificate;
}

/** Tests only: forget the certificate loaded in this process (the files stay). */
export function resetSealCertificateCache(): void {
  delete g.__ministageSealCertificate;
}

async function loadCertificate(): Promise<SealCertificate> {
  // SEAL_P12_PATH, SEAL_P12_PASSPHRASE, SEAL_DIR, APP_ENV (lib/core/env.ts, README « Configuration »).
  const configuredPath = env.sealP12Path;
  if (configuredPath) return loadConfigured(configuredPath, env.sealP12Passphrase);
  if (env.isProduction) throw new Error(NOT_CONFIGURED);
  return loadOrCreateDemo(env.sealDir ?? path.join(process.cwd(), '.data', 'seal'));
}

async function loadConfigured(file: string, passphrase: string): Promise<SealCertificate> {
  let p12: Buffer;
  try {
    p12 = await readFile(file);
  } catch {
    throw new Error(`Le certificat de scellement est illisible : vérifiez SEAL_P12_PATH (« ${file} »).`);
  }
  try {
    return { p12, passphrase, ...describeP12(p12, passphrase), selfSigned: false };
  } catch {
    throw new Error(
      `Le certificat de scellement « ${file} » ne s’ouvre pas : vérifiez SEAL_P12_PASSPHRASE (et que le fichier est un PKCS#12 avec une clé RSA et son certificat).`,
    );
  }
}

async function loadOrCreateDemo(dir: string): Promise<SealCertificate> {
  const p12File = path.join(dir, DEMO_FILE);
  const passFile = path.join(dir, DEMO_PASS_FILE);
  const existing = await readDemo(p12File, passFile);
  if (existing) return existing;

  await mkdir(dir, { recursive: true, mode: 0o700 });
  const passphrase = randomBytes(24).toString('base64url');
  const p12 = createDemoP12(passphrase);
  // The .p12 decides: it is written to a temporary file, then hard-linked to its name, which fails if
  // another process got there first (the loser drops its own and reads the winner's). Only the winner
  // then writes the .pass (temporary file + rename); a reader that finds the .p12 alone waits for it.
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  if (await publishOnce(p12File, `${p12File}.${tag}.tmp`, p12)) {
    const tmp = `${passFile}.${tag}.tmp`;
    await writeFile(tmp, passphrase, { mode: 0o600 });
    await rename(tmp, passFile);
  }
  const created = await readDemo(p12File, passFile);
  if (!created) throw new Error(`Le certificat de démonstration n’a pas pu être enregistré dans « ${dir} » (SEAL_DIR).`);
  return created;
}

/** Writes `data` as `target` unless it already exists (atomic: temporary file + link); says whether it wrote. */
async function publishOnce(target: string, tmp: string, data: Buffer): Promise<boolean> {
  await writeFile(tmp, data, { mode: 0o600 });
  try {
    await link(tmp, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

async function readDemo(p12File: string, passFile: string, attempts = 20): Promise<SealCertificate | null> {
  for (let i = 0; i < attempts; i++) {
    const [p12, pass] = await Promise.all([readFile(p12File).catch(() => null), readFile(passFile, 'utf8').catch(() => null)]);
    if (!p12) return null;
    if (pass !== null) {
      const passphrase = pass.trim();
      try {
        return { p12, passphrase, ...describeP12(p12, passphrase), selfSigned: true };
      } catch {
        // Not the pair's passphrase (cannot happen with publishOnce, but a hand-copied folder might): retry.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `Le certificat de démonstration (« ${p12File} ») ne s’ouvre pas : supprimez le dossier « ${path.dirname(p12File)} » (SEAL_DIR) pour qu’il soit recréé.`,
  );
}

/** A self-signed RSA 2048 certificate and its key as PKCS#12 (AES-256, SHA-256 signature). */
function createDemoP12(passphrase: string): Buffer {
  // node:crypto generates the key in a few milliseconds (node-forge's JS generator takes seconds).
  const { privateKey: keyPem, publicKey: publicPem } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const privateKey = forge.pki.privateKeyFromPem(keyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicPem);
  // A positive serial of 16 random bytes.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  // A day of slack for a clock set a little behind, whichever clock (real or MINISTAGE_NOW) is earlier.
  const start = Math.min(Date.now(), clock.nowMs()) - 24 * 3600_000;
  cert.validity.notBefore = new Date(start);
  cert.validity.notAfter = new Date(start);
  cert.validity.notAfter.setUTCFullYear(cert.validity.notAfter.getUTCFullYear() + VALIDITY_YEARS);
  const subject = [
    // UTF8String, so that "—" and "é" read back everywhere (seal.ts's PlatformSigner corrects the one
    // place where node-forge writes such a name twice encoded).
    { name: 'commonName', valueTagClass: forge.asn1.Type.UTF8 as number as forge.asn1.Class, value: `${env.appName} — sceau de démonstration` },
    { name: 'organizationName', value: 'ministage' },
    { name: 'countryName', value: 'FR' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(privateKey, [cert], passphrase, { algorithm: 'aes256' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/** The common name of a node-forge certificate (subject), decoded whatever its string type. */
function commonNameOf(cert: forge.pki.Certificate): string {
  const attr = cert.subject.getField('CN') as { value: string; valueTagClass?: number } | null;
  if (!attr) return '';
  return decodeDirectoryString(attr.value, attr.valueTagClass);
}

/** A DirectoryString's text from its bytes (a node-forge byte string) and its ASN.1 type. */
export function decodeDirectoryString(bytes: string, type?: number): string {
  const buffer = Buffer.from(bytes, 'binary');
  if (type === forge.asn1.Type.BMPSTRING) return buffer.swap16().toString('utf16le');
  if (type === forge.asn1.Type.UTF8) return buffer.toString('utf8');
  if (type === 28 /* UniversalString, UTF-32BE */) {
    let out = '';
    for (let i = 0; i + 3 < buffer.length; i += 4) out += String.fromCodePoint(buffer.readUInt32BE(i));
    return out;
  }
  return buffer.toString('latin1');
}

/** SHA-256 (hex) of a node-forge certificate's DER. */
function fingerprintOf(cert: forge.pki.Certificate): string {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  return createHash('sha256').update(Buffer.from(der, 'binary')).digest('hex');
}

/** Opens a PKCS#12 as the signer will (its RSA key and the certificate that matches it). Throws when it cannot. */
function describeP12(p12: Buffer, passphrase: string): { subject: string; fingerprint: string } {
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), false, passphrase);
  const key = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0]?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Error('no key');
  const certs = parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  const cert = certs
    .map((bag) => bag.cert)
    .find((c): c is forge.pki.Certificate => {
      const pub = c?.publicKey as forge.pki.rsa.PublicKey | undefined;
      return !!pub?.n && pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
    });
  if (!cert) throw new Error('no certificate for the key');
  return { subject: commonNameOf(cert), fingerprint: fingerprintOf(cert) };
}
