import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import QRCode from 'qrcode';
import { NotMember } from '@/components/classes/EstablishmentTabs';
import { PrintButton } from '@/components/classes/PrintButton';
import s from '@/components/classes/classes.module.css';
import { formatJoinCode, normalizeJoinCode } from '@/lib/classes/join-code';
import { memberPage } from '@/lib/classes/page-access';
import { schoolYearLabel } from '@/lib/reference/school-year';
import { prisma } from '@/lib/core/db';
import { requestOrigin } from '@/lib/core/session';
import { decodeParam } from '@/lib/classes/format';

export const metadata: Metadata = { title: 'Affiche d’inscription de la classe' };

/** A printable poster for the classroom: the code in large type, the link and its QR code (team of that collège only). */
export default async function PosterPage({ params }: { params: Promise<{ code: string }> }) {
  await connection();
  const { code: raw } = await params;
  const { member } = await memberPage(`/rejoindre/${raw}/affiche`);
  if (!member) return <NotMember title="Affiche d’inscription" />;
  const code = normalizeJoinCode(decodeParam(raw));
  const room = code ? await prisma.classRoom.findFirst({ where: { joinCode: code, establishmentId: member.establishmentId }, include: { establishment: true } }) : null;
  if (!room) notFound();
  const url = `${await requestOrigin()}/rejoindre/${room.joinCode}`;
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return (
    <div className={`stack ${s.poster}`}>
      <p className={s.noPrint} style={{ textAlign: 'left' }}><Link href={`/etablissement/classes/${room.id}`}>← Classe {room.name}</Link></p>
      <h1>Inscription des élèves de {room.name}</h1>
      <p>{room.establishment.name} — année scolaire {schoolYearLabel(room.schoolYear)}</p>
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`} alt={`QR code du lien d’inscription : ${url}`} />
      <p>Scannez le QR code, ou ouvrez <strong>{url.replace(/^https?:\/\//, '')}</strong></p>
      <p>ou allez sur « Créer mon compte » → « Je suis élève » et saisissez le code :</p>
      <p className={s.bigCode} data-testid="poster-code">{formatJoinCode(room.joinCode)}</p>
      <p className="muted">Gardez votre identifiant et votre mot de passe : ils vous serviront toute l’année.</p>
      <div className={s.noPrint}><PrintButton label="Imprimer l’affiche" /></div>
    </div>
  );
}
