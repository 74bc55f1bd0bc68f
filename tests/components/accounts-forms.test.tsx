import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RegistrationForm } from '@/components/accounts/RegistrationForm';
import { SignInForm } from '@/components/accounts/SignInForm';
import { ForgotPasswordForm } from '@/components/accounts/ForgotPasswordForm';
import { ResetPasswordForm } from '@/components/accounts/ResetPasswordForm';
import { AccessRequestForm } from '@/components/accounts/AccessRequestForm';
import { ResendActivationForm } from '@/components/accounts/ResendActivationForm';
import * as actions from '@/lib/accounts/actions';
import { signIn } from 'next-auth/react';

const push = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ push, refresh: jest.fn() }) }));
jest.mock('next-auth/react', () => ({ signIn: jest.fn(), signOut: jest.fn() }));
jest.mock('@/lib/accounts/actions', () => ({
  registerEstablishmentAction: jest.fn(),
  resendActivationAction: jest.fn(),
  requestPasswordResetAction: jest.fn(),
  resetPasswordAction: jest.fn(),
  submitAccessRequestAction: jest.fn(),
  activateAccountAction: jest.fn(),
  changePasswordAction: jest.fn(),
}));
const mocked = actions as jest.Mocked<typeof actions>;

beforeEach(() => jest.clearAllMocks());

describe('the establishment registration form', () => {
  it('labels every field and shows the login that cannot be changed', () => {
    render(<RegistrationForm uai="0351847T" login="ce.0351847t@ac-rennes.fr" />);
    for (const label of ['Monsieur', 'Madame', 'Nom', 'Prénom', 'Fonction dans l’établissement', 'Mot de passe', 'Confirmation du mot de passe']) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    expect(screen.getByText(/Votre identifiant de connexion est obligatoirement le suivant/)).toHaveTextContent('ce.0351847t@ac-rennes.fr');
    expect(screen.queryByRole('textbox', { name: /adresse email/i })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Créer votre compte utilisateur' })).toBeInTheDocument();
  });

  it('says what is missing in French and sends nothing', async () => {
    render(<RegistrationForm uai="0351847T" login="ce.0351847t@ac-rennes.fr" />);
    await userEvent.type(screen.getByLabelText('Mot de passe'), 'court');
    await userEvent.type(screen.getByLabelText('Confirmation du mot de passe'), 'autre');
    await userEvent.click(screen.getByRole('button', { name: 'Créer votre compte utilisateur' }));
    expect(await screen.findByText('Choisissez votre civilité.')).toBeInTheDocument();
    expect(screen.getByText('Saisissez votre nom.')).toBeInTheDocument();
    expect(screen.getByText('Saisissez votre prénom.')).toBeInTheDocument();
    expect(screen.getByText('Choisissez votre fonction dans l’établissement.')).toBeInTheDocument();
    expect(screen.getByText('Le mot de passe doit comporter au moins 12 caractères.')).toBeInTheDocument();
    expect(screen.getByText(/pas identiques/)).toBeInTheDocument();
    expect(screen.getByLabelText('Nom')).toHaveAttribute('aria-invalid', 'true');
    expect(mocked.registerEstablishmentAction).not.toHaveBeenCalled();
  });

  it('sends a valid form and goes to the « check your mailbox » page', async () => {
    mocked.registerEstablishmentAction.mockResolvedValue({ ok: true, data: { kind: 'activation', login: 'ce.0351847t@ac-rennes.fr' } });
    render(<RegistrationForm uai="0351847T" login="ce.0351847t@ac-rennes.fr" />);
    await userEvent.click(screen.getByLabelText('Madame'));
    await userEvent.type(screen.getByLabelText('Nom'), 'Dupont');
    await userEvent.type(screen.getByLabelText('Prénom'), 'Claire');
    await userEvent.selectOptions(screen.getByLabelText('Fonction dans l’établissement'), "Chef d'établissement");
    await userEvent.type(screen.getByLabelText('Mot de passe'), 'Brassens-Le-Rheu-2026');
    await userEvent.type(screen.getByLabelText('Confirmation du mot de passe'), 'Brassens-Le-Rheu-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Créer votre compte utilisateur' }));
    await waitFor(() => expect(push).toHaveBeenCalledWith('/inscription/email-envoye?adresse=ce.0351847t%40ac-rennes.fr'));
    expect(mocked.registerEstablishmentAction).toHaveBeenCalledWith(expect.objectContaining({ uai: '0351847T', civility: 'Mme', lastName: 'Dupont' }));
  });

  it('shows the server’s refusal', async () => {
    mocked.registerEstablishmentAction.mockResolvedValue({ ok: false, error: { code: 'CONFLICT', message: 'Cet établissement est déjà inscrit (cas numéro 2).' } });
    render(<RegistrationForm uai="0351847T" login="ce.0351847t@ac-rennes.fr" />);
    await userEvent.click(screen.getByLabelText('Monsieur'));
    await userEvent.type(screen.getByLabelText('Nom'), 'Martin');
    await userEvent.type(screen.getByLabelText('Prénom'), 'Paul');
    await userEvent.selectOptions(screen.getByLabelText('Fonction dans l’établissement'), 'Gestionnaire');
    await userEvent.type(screen.getByLabelText('Mot de passe'), 'Brassens-Le-Rheu-2026');
    await userEvent.type(screen.getByLabelText('Confirmation du mot de passe'), 'Brassens-Le-Rheu-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Créer votre compte utilisateur' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('cas numéro 2');
  });

  it('asks for an address when the directory has none', () => {
    render(<RegistrationForm uai="0353069W" login={null} />);
    expect(screen.getByLabelText('Votre adresse email')).toBeInTheDocument();
    expect(screen.queryByText(/obligatoirement/)).not.toBeInTheDocument();
  });
});

describe('the sign-in form', () => {
  it('has the product’s labels and links', () => {
    render(<SignInForm />);
    expect(screen.getByLabelText('Votre adresse Email')).toBeInTheDocument();
    expect(screen.getByLabelText('Votre mot de passe')).toHaveAttribute('type', 'password');
    expect(screen.getByLabelText('Maintenir ma connexion')).toHaveAttribute('type', 'checkbox');
    expect(screen.getByRole('button', { name: 'CONNEXION' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Mot de passe oublié ?' })).toHaveAttribute('href', '/mot-de-passe-oublie');
    expect(screen.getByRole('link', { name: 'Vous n’avez pas reçu le message d’activation ?' })).toHaveAttribute('href', '/activation');
  });

  it('posts (never puts the password in the address bar, even before the page is interactive)', () => {
    const { container } = render(<SignInForm />);
    expect(container.querySelector('form')).toHaveAttribute('method', 'post');
  });

  it('asks for the address and the password before trying', async () => {
    render(<SignInForm />);
    await userEvent.click(screen.getByRole('button', { name: 'CONNEXION' }));
    expect(await screen.findByText('Saisissez votre adresse email (ou votre identifiant).')).toBeInTheDocument();
    expect(screen.getByText('Saisissez votre mot de passe.')).toBeInTheDocument();
    expect(signIn).not.toHaveBeenCalled();
  });

  it('tells a person whose account is not activated and offers the resend to their address', async () => {
    (signIn as jest.Mock).mockResolvedValue({ ok: false, error: 'NOT_ACTIVATED', status: 401, url: null });
    render(<SignInForm />);
    await userEvent.type(screen.getByLabelText('Votre adresse Email'), 'CE.0351847T@ac-rennes.fr');
    await userEvent.type(screen.getByLabelText('Votre mot de passe'), 'Brassens-Le-Rheu-2026');
    await userEvent.click(screen.getByLabelText('Maintenir ma connexion'));
    await userEvent.click(screen.getByRole('button', { name: 'CONNEXION' }));
    expect(await screen.findByText(/n'est pas encore activé/)).toBeInTheDocument();
    expect(signIn).toHaveBeenCalledWith('credentials', { email: 'CE.0351847T@ac-rennes.fr', password: 'Brassens-Le-Rheu-2026', remember: 'true', redirect: false });
    expect(screen.getByRole('button', { name: 'Recevoir l’email de confirmation à l’adresse ce.0351847t@ac-rennes.fr' })).toBeInTheDocument();
  });

  it('maps throttling and unknown errors to French messages', async () => {
    (signIn as jest.Mock).mockResolvedValueOnce({ ok: false, error: 'THROTTLED', status: 401, url: null });
    render(<SignInForm />);
    await userEvent.type(screen.getByLabelText('Votre adresse Email'), 'a@ac-rennes.fr');
    await userEvent.type(screen.getByLabelText('Votre mot de passe'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'CONNEXION' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('patientez 15 minutes');
    (signIn as jest.Mock).mockResolvedValueOnce({ ok: false, error: 'CredentialsSignin', status: 401, url: null });
    await userEvent.click(screen.getByRole('button', { name: 'CONNEXION' }));
    expect(await screen.findByText('Adresse email ou mot de passe incorrect. Vérifiez votre saisie.')).toBeInTheDocument();
  });
});

describe('the password and identifier recovery forms', () => {
  it('checks the address, then shows the same neutral answer', async () => {
    mocked.requestPasswordResetAction.mockResolvedValue({ ok: true, data: { message: 'Si un compte correspond à cette adresse, un email…' } });
    render(<ForgotPasswordForm />);
    await userEvent.type(screen.getByLabelText('Votre adresse Email'), 'pas-une-adresse');
    await userEvent.click(screen.getByRole('button', { name: 'Recevoir l’email de réinitialisation du mot de passe' }));
    expect(await screen.findByText(/n'est pas valide/)).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Votre adresse Email'));
    await userEvent.type(screen.getByLabelText('Votre adresse Email'), 'Directeur@ac-rennes.fr');
    await userEvent.click(screen.getByRole('button', { name: 'Recevoir l’email de réinitialisation du mot de passe' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Si un compte correspond');
    expect(mocked.requestPasswordResetAction).toHaveBeenCalledWith({ email: 'directeur@ac-rennes.fr' });
  });

  it('asks for a new password of 12 characters at least, twice the same', async () => {
    render(<ResetPasswordForm token="abcdefghijklmnopqrstuvwxyz" />);
    await userEvent.type(screen.getByLabelText('Nouveau mot de passe'), 'trop-court');
    await userEvent.type(screen.getByLabelText('Confirmation du nouveau mot de passe'), 'trop-courte');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }));
    expect(await screen.findByText('Le mot de passe doit comporter au moins 12 caractères.')).toBeInTheDocument();
    expect(screen.getByText(/pas identiques/)).toBeInTheDocument();
    expect(mocked.resetPasswordAction).not.toHaveBeenCalled();
  });

  it('requires an academic address in the access request', async () => {
    render(<AccessRequestForm uai="0350033W" />);
    expect(screen.getByLabelText('Code UAI')).toHaveValue('0350033W');
    await userEvent.type(screen.getByLabelText('Nom'), 'Martin');
    await userEvent.type(screen.getByLabelText('Prénom'), 'Julie');
    await userEvent.type(screen.getByLabelText('Fonction dans l’établissement'), 'Professeure principale');
    await userEvent.type(screen.getByLabelText('Adresse email académique'), 'julie@gmail.com');
    await userEvent.click(screen.getByRole('button', { name: 'Valider la demande de création de compte' }));
    expect(await screen.findByText(/adresse email académique \(par exemple/)).toBeInTheDocument();
    expect(mocked.submitAccessRequestAction).not.toHaveBeenCalled();
  });

  it('sends a new activation email to a fixed address with one button', async () => {
    mocked.resendActivationAction.mockResolvedValue({ ok: true, data: { message: 'Si un compte en attente…' } });
    render(<ResendActivationForm identifier="ce.0351847t@ac-rennes.fr" />);
    await userEvent.click(screen.getByRole('button', { name: 'Recevoir l’email de confirmation à l’adresse ce.0351847t@ac-rennes.fr' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Si un compte en attente');
    expect(mocked.resendActivationAction).toHaveBeenCalledWith({ identifier: 'ce.0351847t@ac-rennes.fr' });
  });
});
