import type { Metadata } from 'next';
import { requireSite } from '@/lib/core/guards';
import { listContacts } from '@/lib/sites/queries';
import s from '@/components/sites/sites.module.css';

export const metadata: Metadata = { title: 'Contacts' };

export default async function ContactsPage() {
  const { site } = await requireSite();
  const contacts = await listContacts(site.id);
  return (
    <div className="stack">
      <h1>Contacts</h1>
      <p>Pour toute question sur les mini-stages du {site.name}, adressez-vous à :</p>
      {contacts.length === 0 ? (
        <p className="muted">Le lycée n’a pas encore indiqué de contact.</p>
      ) : (
        <ul className={s.contacts}>
          {contacts.map((c) => (
            <li key={c.id}>
              <h2>{c.name}</h2>
              <p className="muted">{c.role}</p>
              {c.email ? (
                <p>
                  <a href={`mailto:${c.email}`}>{c.email}</a>
                </p>
              ) : null}
              {c.phone ? (
                <p>
                  <a href={`tel:${c.phone.replace(/[^+0-9]/g, '')}`}>{c.phone}</a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
