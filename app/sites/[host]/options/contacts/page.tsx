import type { Metadata } from 'next';
import { ContactForm } from '@/components/sites/ContactForm';
import { DeleteButton } from '@/components/sites/DeleteButton';
import { deleteContactAction, saveContactAction } from '@/lib/sites/actions';
import { listContacts } from '@/lib/sites/queries';
import { OptionsFrame, ReadOnly, SignInFirst, optionsAccess } from '../access';
import s from '@/components/sites/sites.module.css';

export const metadata: Metadata = { title: 'Options — Contacts' };

export default async function ContactsOptionsPage() {
  const { site, staff, admin, college, signedIn } = await optionsAccess();
  if (!signedIn || !staff) return <SignInFirst path="/options/contacts" />;
  const contacts = await listContacts(site.id);
  return (
    <OptionsFrame current="contacts" staff={staff} college={college}>
      <h2>Contacts</h2>
      <p>Les contacts s’affichent dans l’onglet « Contacts », dans l’ordre indiqué.</p>
      {!admin ? <ReadOnly /> : null}
      {contacts.length === 0 ? <p className="muted">Aucun contact pour l’instant.</p> : null}
      <ul className={s.rows}>
        {contacts.map((c) => (
          <li key={c.id}>
            {admin ? (
              <>
                <ContactForm action={saveContactAction} initial={{ id: c.id, name: c.name, role: c.role, email: c.email ?? '', phone: c.phone ?? '', position: c.position }} />
                <DeleteButton action={deleteContactAction} id={c.id} label="Supprimer" confirm={`Supprimer le contact « ${c.name} » ?`} />
              </>
            ) : (
              <span>{c.name} — {c.role} {c.email ? `· ${c.email}` : ''} {c.phone ? `· ${c.phone}` : ''}</span>
            )}
          </li>
        ))}
      </ul>
      {admin ? (
        <section aria-labelledby="ajouter-contact" className="card">
          <h3 id="ajouter-contact">Ajouter un contact</h3>
          <ContactForm action={saveContactAction} />
        </section>
      ) : null}
    </OptionsFrame>
  );
}
