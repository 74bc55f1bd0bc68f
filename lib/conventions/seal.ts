// The platform's seal on a finished PDF: a PAdES signature (SubFilter ETSI.CAdES.detached, CMS
// SignedData over the whole file but the signature itself) by the platform's certificate, which any PDF
// reader shows; and an independent check of it (node-forge's ASN.1 reader, node:crypto's verification).
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import * as clock from '../core/clock.ts';
import { decodeDirectoryString, sealCertificate } from './certificate.ts';

export type SealInfo = { reason: string; name: string; location?: string; contactInfo?: string; signedAt?: Date };

export type SealCheck = { valid: true; signer: string; signedAt: Date | null; fingerprint: string; coversWholeFile: boolean } | { valid: false; reason: string };

/** SUBFILTER_ETSI_CADES_DETACHED of @signpdf/utils (a dependency of @signpdf/*, not of ours). */
const SUBFILTER_PADES = 'ETSI.CAdES.detached';
/** Room for the CMS in the placeholder (hex digits: up to 8 kB of DER — a certificate chain fits). */
const SIGNATURE_LENGTH = 16384;

const NOT_SEALED = 'Ce fichier ne porte pas de signature électronique de la plateforme.';
const MODIFIED = 'Ce document a été modifié après sa signature : la signature ne correspond plus à son contenu.';
const TRUNCATED = 'Ce document est incomplet : il ne contient plus toutes les parties couvertes par sa signature.';
const ALREADY_SEALED = 'Ce document porte déjà une signature : il ne peut pas être scellé une seconde fois.';

/** Adds a PAdES (ETSI.CAdES.detached) signature by the platform's certificate to a PDF; returns the sealed bytes. */
export async function sealPdf(pdf: Buffer, info: SealInfo): Promise<Buffer> {
  // pdf-lib rewrites the whole file: an earlier signature would silently break.
  if (lastByteRange(pdf)) throw new Error(ALREADY_SEALED);
  const certificate = await sealCertificate();
  const signedAt = info.signedAt ?? clock.now();
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: pdfText(info.reason),
    name: pdfText(info.name),
    location: pdfText(info.location ?? ''),
    contactInfo: pdfText(info.contactInfo ?? ''),
    signingTime: signedAt,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_PADES,
  });
  // The signature dictionary must not sit in an object stream (its ByteRange is patched in place).
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(prepared, new PlatformSigner(certificate.p12, { passphrase: certificate.passphrase }), signedAt);
}

/**
 * P12Signer, with the signer's issuer written as the certificate writes it. node-forge re-encodes the
 * issuer's name for the SignerInfo and, for a UTF8String holding "é" or "—", encodes it to UTF-8 a
 * second time: readers then find no certificate for the signature. The IssuerAndSerialNumber is not
 * among the signed attributes, so it is copied from the certificate after signing.
 */
class PlatformSigner extends P12Signer {
  async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    return withCertificateIssuers(await super.sign(pdf, signingTime));
  }
}

function withCertificateIssuers(cms: Buffer): Buffer {
  const contentInfo = parseDer(cms);
  const fields = children(children(children(contentInfo)[1])[0]);
  const certificates = children(fields.find((f) => isContext(f, 0))).map((cert) => {
    const tbs = children(children(cert)[0]);
    const offset = isContext(tbs[0], 0) ? 1 : 0;
    return { serial: integerBytes(tbs[offset]), issuer: tbs[offset + 2] };
  });
  for (const info of children(fields.at(-1))) {
    const sid = children(info)[1];
    if (!isUniversal(sid, Type.SEQUENCE)) continue;
    const serial = integerBytes(children(sid)[1]);
    const matches = certificates.filter((c) => c.serial === serial);
    if (matches.length === 1) children(sid)[0] = matches[0].issuer;
  }
  return der(contentInfo);
}

/** Independent check of the PDF's last signature: the ByteRange, the CMS SignedData over it (node-forge), the certificate's fingerprint. */
export async function verifySeal(pdf: Buffer): Promise<SealCheck> {
  const range = lastByteRange(pdf);
  if (!range) return { valid: false, reason: NOT_SEALED };
  const [a, b, c, d] = range;
  if (a !== 0 || b <= 0 || c <= b + 1 || d < 0) return { valid: false, reason: NOT_SEALED };
  if (c + d > pdf.length) return { valid: false, reason: TRUNCATED };
  // The hole between the two ranges is exactly the hex string <…> of /Contents.
  const hex = pdf.subarray(b + 1, c - 1).toString('latin1');
  if (pdf[b] !== 0x3c /* < */ || pdf[c - 1] !== 0x3e /* > */ || !/^[0-9a-fA-F]*$/.test(hex)) return { valid: false, reason: NOT_SEALED };

  let signed: SignedCms;
  try {
    signed = readSignedCms(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
  } catch {
    return { valid: false, reason: NOT_SEALED };
  }
  let digest: Buffer;
  try {
    digest = createHash(signed.digestAlgorithm)
      .update(pdf.subarray(a, a + b))
      .update(pdf.subarray(c, c + d))
      .digest();
  } catch {
    return { valid: false, reason: NOT_SEALED };
  }
  if (!digest.equals(signed.messageDigest)) return { valid: false, reason: MODIFIED };

  if (!signatureVerifies(signed)) return { valid: false, reason: MODIFIED };
  return {
    valid: true,
    signer: signed.signerName,
    signedAt: signed.signingTime,
    fingerprint: createHash('sha256').update(signed.certificateDer).digest('hex'),
    coversWholeFile: c + d === pdf.length,
  };
}

/** The signature over the signed attributes, checked with the certificate's key (node:crypto: RSA or ECDSA). */
function signatureVerifies(signed: SignedCms): boolean {
  try {
    const key = createPublicKey({ key: signed.spkiDer, format: 'der', type: 'spki' });
    return verifySignature(signed.digestAlgorithm, signed.signedAttributesDer, key, signed.signature);
  } catch {
    return false;
  }
}

// — The ByteRange ————————————————————————————————————————————————————————————————

function lastByteRange(pdf: Buffer): [number, number, number, number] | null {
  const text = pdf.toString('latin1');
  const pattern = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  let last: RegExpExecArray | null = null;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) last = m;
  // An unfilled placeholder (/ByteRange [0 /********** …]) does not match: it is no signature.
  return last ? [Number(last[1]), Number(last[2]), Number(last[3]), Number(last[4])] : null;
}

// — The CMS SignedData (RFC 5652), read with node-forge's ASN.1 decoder ————————————————

type SignedCms = {
  digestAlgorithm: string;
  messageDigest: Buffer;
  signingTime: Date | null;
  /** The signed attributes as signed: a DER SET (tag 0x31), not the [0] IMPLICIT of the SignerInfo. */
  signedAttributesDer: Buffer;
  signature: Buffer;
  /** The signer's certificate and its SubjectPublicKeyInfo, both DER. */
  certificateDer: Buffer;
  spkiDer: Buffer;
  signerName: string;
};

const { Class, Type } = forge.asn1;
const OID = {
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  commonName: '2.5.4.3',
};
const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

function fail(): never {
  throw new Error('not a CMS SignedData');
}

function children(node: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] {
  if (!node || !Array.isArray(node.value)) fail();
  return node.value as forge.asn1.Asn1[];
}

function bytes(node: forge.asn1.Asn1 | undefined): string {
  if (!node || typeof node.value !== 'string') fail();
  return node.value;
}

function isUniversal(node: forge.asn1.Asn1 | undefined, type: number): node is forge.asn1.Asn1 {
  return !!node && node.tagClass === Class.UNIVERSAL && node.type === type;
}

function isContext(node: forge.asn1.Asn1 | undefined, tag: number): node is forge.asn1.Asn1 {
  return !!node && node.tagClass === Class.CONTEXT_SPECIFIC && node.type === tag;
}

function oidOf(node: forge.asn1.Asn1 | undefined): string {
  if (!isUniversal(node, Type.OID)) fail();
  return forge.asn1.derToOid(bytes(node));
}

const der = (node: forge.asn1.Asn1) => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
/** An INTEGER's value as bytes, without the leading zero of a positive number. */
const integerBytes = (node: forge.asn1.Asn1 | undefined) =>
  Buffer.from(bytes(node), 'binary')
    .toString('hex')
    .replace(/^(00)+(?=.)/, '');

/**
 * The first DER object of `data` (the placeholder is padded with zeros after it), with BIT STRINGs kept
 * opaque so that re-encoding any part gives back its exact bytes.
 */
function parseDer(data: Buffer): forge.asn1.Asn1 {
  const fromDer = forge.asn1.fromDer as unknown as (bytes: string, options: object) => forge.asn1.Asn1;
  return fromDer(data.toString('binary'), { strict: true, parseAllBytes: false, decodeBitStrings: false });
}

function readSignedCms(contents: Buffer): SignedCms {
  const contentInfo = parseDer(contents);
  const [contentType, explicit] = children(contentInfo);
  if (oidOf(contentType) !== OID.signedData || !isContext(explicit, 0)) fail();
  const signedData = children(explicit)[0];
  const fields = children(signedData);
  const certificates = children(fields.find((f) => isContext(f, 0)));
  const signerInfos = children(fields.at(-1));
  if (!isUniversal(fields.at(-1), Type.SET) || signerInfos.length === 0) fail();
  // The last SignerInfo is the one a PDF's single signature carries.
  const info = children(signerInfos.at(-1));
  const [, sid, digestAlgorithm] = info;
  const signedAttrs = info[3];
  if (!isContext(signedAttrs, 0)) fail();
  const signatureNode = info[5];
  if (!isUniversal(signatureNode, Type.OCTETSTRING)) fail();

  const digest = DIGESTS[oidOf(children(digestAlgorithm)[0])];
  if (!digest) fail();

  const attributes = new Map<string, forge.asn1.Asn1>();
  for (const attribute of children(signedAttrs)) {
    const [type, values] = children(attribute);
    attributes.set(oidOf(type), children(values)[0]);
  }
  const messageDigest = attributes.get(OID.messageDigest);
  if (!isUniversal(messageDigest, Type.OCTETSTRING)) fail();
  const time = attributes.get(OID.signingTime);
  let signingTime: Date | null = null;
  if (isUniversal(time, Type.UTCTIME)) signingTime = forge.asn1.utcTimeToDate(bytes(time));
  else if (isUniversal(time, Type.GENERALIZEDTIME)) signingTime = forge.asn1.generalizedTimeToDate(bytes(time));

  // The signer's certificate: issuer and serial number as the SignerInfo names them.
  if (!isUniversal(sid, Type.SEQUENCE)) fail(); // (a subjectKeyIdentifier is not what our signer writes)
  const [sidIssuer, sidSerial] = children(sid);
  const wantedIssuer = der(sidIssuer);
  const wantedSerial = integerBytes(sidSerial);
  const certificate = certificates.find((cert) => {
    const tbs = children(children(cert)[0]);
    const offset = isContext(tbs[0], 0) ? 1 : 0; // [0] version
    return integerBytes(tbs[offset]) === wantedSerial && der(tbs[offset + 2]).equals(wantedIssuer);
  });
  if (!certificate) fail();
  const tbs = children(children(certificate)[0]);
  const offset = isContext(tbs[0], 0) ? 1 : 0;
  const subject = tbs[offset + 4];
  const spki = tbs[offset + 5];

  return {
    digestAlgorithm: digest,
    messageDigest: Buffer.from(bytes(messageDigest), 'binary'),
    signingTime,
    signedAttributesDer: der(forge.asn1.create(Class.UNIVERSAL, Type.SET, true, children(signedAttrs))),
    signature: Buffer.from(bytes(signatureNode), 'binary'),
    certificateDer: der(certificate),
    signerName: commonName(subject),
    spkiDer: der(spki),
  };
}

function commonName(name: forge.asn1.Asn1): string {
  for (const rdn of children(name)) {
    for (const attribute of children(rdn)) {
      const [type, value] = children(attribute);
      if (oidOf(type) === OID.commonName && value) return decodeDirectoryString(bytes(value), value.type);
    }
  }
  return '';
}

// — Text in the signature dictionary ——————————————————————————————————————————————

/** PDFDocEncoding's own characters, by code: 0x18–0x1F, 0x80–0x9E and 0xA0 (the rest of 0x20–0xFF is Latin-1). */
const PDF_DOC_ENCODING = new Map<string, number>([
  ...[...'˘ˇˆ˙˝˛˚˜'].map((char, i) => [char, 0x18 + i] as const),
  ...[...'•†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž'].map((char, i) => [char, 0x80 + i] as const),
  ['€', 0xa0],
]);
const SPACES = new Set(['\u00a0', '\u202f', '\u2009', '\n', '\r', '\t']);

/**
 * A literal string's bytes (as a JS byte string) for the placeholder, which writes `PDFString.of(text)`
 * as it is: PDFDocEncoding, so that « é », « — » or « ’ » read back, with ( ) \ escaped.
 */
function pdfText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    const latin1 = (code >= 0x20 && code < 0x7f) || (code > 0xa0 && code <= 0xff && code !== 0xad);
    const byte = PDF_DOC_ENCODING.get(char) ?? (latin1 ? code : SPACES.has(char) ? 0x20 : 0x3f); /* ? */
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += '\\';
    out += String.fromCharCode(byte);
  }
  return out;
}
