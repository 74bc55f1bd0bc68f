import type { Metadata } from 'next';
import { OptionsFrame } from '@/components/sites/OptionsNav';
import { Alert } from '@/components/ui/Alert';
import { EstablishmentInfoForm } from '@/components/sites/EstablishmentInfoForm';
import { updateEstablishmentInfoAction } from '@/lib/sites/actions';
import { getEstablishmentInfo, infoEstablishmentOf } from '@/lib/sites/establishment-info';
import { requireSite, requireUser } from '@/lib/core/guards';
import { siteAbilities } from '@/lib/sites/guard';

export const metadata: Metadata = { title: 'Informations de l’Établissement' };

/**
 * « Informations de l'Établissement »: what conventions print about an establishment. The platform's
 * administrators correct their lycée's; a collège's head, deputy or secretariat, their collège's.
 */
export default async function EstablishmentInfoPage() {
  await requireSite();
  const { actor } = await requireUser('/options/etablissement');
  const { staff, college, admin } = siteAbilities(actor);
  const target = infoEstablishmentOf(actor);
  if (!target && !actor.member) {
    return (
      <OptionsFrame current="etablissement" staff={staff} college={college}>
        <p>
          Les informations du lycée (chef d’établissement, adresse…) sont corrigées par les administrateurs de la plateforme ; celles d’un collège, par son chef
          d’établissement, son adjoint ou son secrétariat.
        </p>
      </OptionsFrame>
    );
  }
  const info = await getEstablishmentInfo(target ?? actor.member!.establishmentId);
  const v = (x: string | null) => x ?? '';
  return (
    <OptionsFrame current="etablissement" staff={staff} college={college}>
      <p className="muted">Options générales › Calendrier, Information</p>
      <h2>Informations de l’Établissement</h2>
      <p>
        {info.name} (UAI {info.uai}).{' '}
        {admin
          ? 'Ces informations figurent sur les conventions de stage de la plateforme, pour le lycée d’accueil.'
          : 'Ces informations figurent sur les conventions de stage de vos élèves, sur toutes les plateformes des lycées.'}
      </p>
      {target ? (
        <EstablishmentInfoForm
          action={updateEstablishmentInfoAction}
          initial={{
            headName: v(info.headName),
            headTitle: v(info.headTitle),
            publicEmail: v(info.publicEmail),
            publicPhone: v(info.publicPhone),
            insurer: v(info.insurer),
            insurancePolicy: v(info.insurancePolicy),
            address1: v(info.address1),
            address2: v(info.address2),
            postalCode: v(info.postalCode),
            city: v(info.city),
          }}
        />
      ) : (
        <Alert tone="info">Seuls le chef d’établissement, son adjoint et le secrétariat modifient ces informations. Adressez-vous à eux pour une correction.</Alert>
      )}
    </OptionsFrame>
  );
}
