'use client';
// A platform's page that failed on the server: the French screen inside the platform's layout (its
// header and tabs stay). When the layout itself fails (the database out of reach), app/error.tsx answers.
import { ServiceUnavailable } from '@/components/ui/ServiceUnavailable';

export default function PlatformErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <ServiceUnavailable error={error} retry={retry} />;
}
