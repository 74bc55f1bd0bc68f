import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import QRCode from 'qrcode';
import { PrintButton } from '@/components/classes/PrintButton';
import s from '@/components/classes/classes.module.css';
import { decodeParam } from '@/lib/core/text';
import { formatJoinCode } from '@/lib/classes/join-code';
import { classOfJoinCode } from '@/lib/classes/queries';
import { schoolYearLabel } from '@/lib/core/format';
import { requireMember } from '@/lib/core/guards';
import { requestOrigin } from '@/lib/core/session';

export const metadata: Metadata = { title: 'Affiche d’inscription de la classe' };

/** A printable poster for the classroom: the code in large type, the link and its QR code (team of that collège only). */
export default async function PosterPage({ params }: { params: Promise<{ code: string }> }) {
  await connection();
  const { code: raw } = await params;
  const g = await requireMember('team:view', `/rejoindre/${raw}/affiche`);
  if (!g.ok) return g.denied;
  const room = await classOfJoinCode(g.member.establishmentId, decodeParam(raw));
  if (!room) notFound();
  const url = `${await requestOrigin()}/rejoindre/${room.joinCode}`;
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return (
    <div className={`stack ${s.poster}`}>
      <p className={s.noPrint} style={{ textAlign: 'left' }}>
        <Link href={`/etablissement/classes/${room.id}`}>← Classe {room.name}</Link>
      </p>
      <h1>Inscription des élèves de {room.name}</h1>
      <p>
        {room.establishment.name} — année scolaire {schoolYearLabel(room.schoolYear)}
      </p>
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`} alt={`QR code du lien d’inscription : ${url}`} />
      <p>
        Scannez le QR code, ou ouvrez <strong>{url.replace(/^https?:\/\//, '')}</strong>
      </p>
      <p>ou allez sur « Créer mon compte » → « Je suis élève » et saisissez le code :</p>
      <p className={s.bigCode} data-testid="poster-code">
        {formatJoinCode(room.joinCode)}
      </p>
      <p className="muted">Gardez votre identifiant et votre mot de passe : ils vous serviront toute l’année.</p>
      <div className={s.noPrint}>
        <PrintButton label="Imprimer l’affiche" />
      </div>
    </div>
  );
}
