import type { Metadata } from 'next';
import { ContactForm } from '@/components/sites/ContactForm';
import { OptionList } from '@/components/sites/OptionList';
import { deleteContactAction, saveContactAction } from '@/lib/sites/actions';
import { listContacts } from '@/lib/sites/queries';
import { requireOptionsStaff } from '../access';

export const metadata: Metadata = { title: 'Options — Contacts' };

export default async function ContactsOptionsPage() {
  const g = await requireOptionsStaff('contacts');
  if (!g.ok) return g.denied;
  const contacts = await listContacts(g.site.id);
  return (
    <OptionList
      page={g}
      title="Contacts"
      deleteAction={deleteContactAction}
      empty="Aucun contact pour l’instant."
      intro="Les contacts s’affichent dans l’onglet « Contacts », dans l’ordre indiqué."
      rows={contacts.map((c) => ({
        id: c.id,
        edit: (
          <ContactForm action={saveContactAction} initial={{ id: c.id, name: c.name, role: c.role, email: c.email ?? '', phone: c.phone ?? '', position: c.position }} />
        ),
        label: `${c.name} — ${c.role} ${c.email ? `· ${c.email}` : ''} ${c.phone ? `· ${c.phone}` : ''}`,
        confirm: `Supprimer le contact « ${c.name} » ?`,
      }))}
      addTitle="Ajouter un contact"
      addForm={<ContactForm action={saveContactAction} />}
    />
  );
}
