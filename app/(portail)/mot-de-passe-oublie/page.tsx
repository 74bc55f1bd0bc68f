import type { Metadata } from 'next';
import { AccountLinks } from '@/components/accounts/AccountLinks';
import { ForgotPasswordForm } from '@/components/accounts/ForgotPasswordForm';

export const metadata: Metadata = { title: 'Mot de passe oublié' };

export default function ForgotPasswordPage() {
  return (
    <div className="stack">
      <h1>Mot de passe oublié ?</h1>
      <p>Veuillez renseigner votre adresse Email afin de recevoir le lien de réinitialisation de votre mot de passe.</p>
      <ForgotPasswordForm />
      <AccountLinks links={['signIn', 'forgotLogin']} />
    </div>
  );
}
