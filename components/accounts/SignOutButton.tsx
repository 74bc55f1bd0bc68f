'use client';
import { signOut } from 'next-auth/react';
import { Button } from '@/components/ui/Button';

export function SignOutButton() {
  return (
    <Button variant="secondary" small onClick={() => signOut({ callbackUrl: '/' })}>
      Se déconnecter
    </Button>
  );
}
