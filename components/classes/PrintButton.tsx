'use client';
import { Button } from '@/components/ui/Button';

export function PrintButton({ label = 'Imprimer' }: { label?: string }) {
  return (
    <Button type="button" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
