'use client';
// The acts on one convention: send it for signature, send the links again, mark a paper one received.
import { ActionButton } from '@/components/ui/ActionButton';
import { markReceivedAction, resendLinksAction, sendForSignatureAction } from '@/lib/conventions/actions';

export function ConventionActions(props: { enrolmentId: string; canSend: boolean; canResend: boolean; canReceive: boolean }) {
  const input = { enrolmentId: props.enrolmentId };
  return (
    <div className="row">
      {props.canSend ? (
        <ActionButton
          action={sendForSignatureAction}
          input={input}
          label="Envoyer pour signature"
          variant="primary"
          small={false}
          success="Convention envoyée : chaque partie reçoit son lien de signature par email."
        />
      ) : null}
      {props.canResend ? (
        <ActionButton
          action={resendLinksAction}
          input={input}
          label="Renvoyer les liens"
          success="Un nouveau lien est parti vers chaque partie qui n’a pas encore signé (les précédents ne servent plus)."
        />
      ) : null}
      {props.canReceive ? (
        <ActionButton
          action={markReceivedAction}
          input={input}
          label="Convention reçue"
          confirm="Marquer la convention comme reçue signée sur papier ? Les liens de signature en ligne cessent de fonctionner et les relances s’arrêtent."
          confirmLabel="Oui, elle est reçue"
          success="Convention marquée reçue : les relances s’arrêtent."
        />
      ) : null}
    </div>
  );
}
