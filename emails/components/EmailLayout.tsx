/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { ReactNode } from 'react';
import { Body, Button, Container, Head, Heading, Hr, Html, Preview, Section, Text } from '@react-email/components';

export type EmailLayoutProps = {
  preview: string;
  /** Who sends it: "ministage" or the lycée platform's name. */
  platformName: string;
  /** Why the person receives this email (one sentence at the bottom). */
  reason: string;
  children: ReactNode;
};

const styles = {
  body: { backgroundColor: '#f4f5f7', fontFamily: 'Arial, Helvetica, sans-serif', color: '#1e1e1e', margin: 0 },
  container: { backgroundColor: '#ffffff', margin: '24px auto', padding: '24px', maxWidth: '560px', borderTop: '4px solid #000091' },
  brand: { fontSize: '14px', fontWeight: 700, color: '#000091', letterSpacing: '0.04em', textTransform: 'uppercase' as const },
  footer: { fontSize: '12px', color: '#555555', lineHeight: '18px' },
};

export function EmailLayout({ preview, platformName, reason, children }: EmailLayoutProps) {
  return (
    <Html lang="fr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{platformName}</Text>
          <Section>{children}</Section>
          <Hr />
          <Text style={styles.footer}>{reason}</Text>
          <Text style={styles.footer}>Ceci est un message automatique : merci de ne pas y répondre.</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const emailText = { fontSize: '15px', lineHeight: '22px' };
export const emailButton = {
  backgroundColor: '#000091',
  color: '#ffffff',
  padding: '12px 20px',
  textDecoration: 'none',
  display: 'inline-block',
  fontWeight: 700,
};

/** The email's title (one h1). */
export function EmailTitle({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" style={{ fontSize: '20px' }}>
      {children}
    </Heading>
  );
}

/** The one action of an email: a button, and the same link written out for mail clients that hide buttons. */
export function EmailAction({ href, label }: { href: string; label: string }) {
  return (
    <>
      <Button href={href} style={emailButton}>
        {label}
      </Button>
      <Text style={{ ...emailText, fontSize: '13px' }}>Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur : {href}</Text>
    </>
  );
}
