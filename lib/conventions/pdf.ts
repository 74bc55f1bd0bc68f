// The convention's and the attestation's PDFs: the one React rendering (components/conventions),
// printed by the shared Chromium (printer.ts) with the platform's name and logo at the top of each
// page and, at the bottom, the convention's number, the verification code and « page 1 / 3 ».
import { createElement, type ReactElement } from 'react';
import { createHash } from 'node:crypto';
import { render } from '@react-email/components';
import { ConventionDocument, type SignatureMark } from '../../components/conventions/ConventionDocument.tsx';
import { AttestationDocument, type AttestationContent } from '../../components/conventions/AttestationDocument.tsx';
import type { ConventionContent } from './content.ts';
import { printPdf } from './printer.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export type Footer = { number: string; verifyCode: string; verifyUrl: string };

function header(platformName: string, logoUrl: string | null): string {
  const logo = logoUrl ? `<img src="${escape(logoUrl)}" style="height:9mm;vertical-align:middle;margin-right:3mm" alt="">` : '';
  return `<div style="font-family:Arial,sans-serif;font-size:8pt;color:#333;width:100%;padding:0 14mm;display:flex;align-items:center">${logo}<span>${escape(platformName)}</span></div>`;
}

function footer(f: Footer): string {
  return (
    `<div style="font-family:Arial,sans-serif;font-size:7.5pt;color:#333;width:100%;padding:0 14mm;display:flex;justify-content:space-between">` +
    `<span>Convention n° ${escape(f.number)} · code de vérification ${escape(f.verifyCode)} · ${escape(f.verifyUrl)}</span>` +
    `<span>page <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
  );
}

async function htmlOf(body: ReactElement, title: string): Promise<string> {
  const markup = await render(body, { pretty: false });
  // react-email wraps the element in its own doctype: keep only the element, in a page of ours.
  const inner = markup.replace(/^<!DOCTYPE[^>]*>/i, '');
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title><style>@page{size:A4}body{margin:0}</style></head><body>${inner}</body></html>`;
}

export async function conventionPdf(content: ConventionContent, opts: { footer: Footer; signatures?: SignatureMark[] }): Promise<Buffer> {
  const html = await htmlOf(createElement(ConventionDocument, { content, signatures: opts.signatures }), `Convention ${content.number}`);
  return printPdf(html, { headerTemplate: header(content.platform.name, content.platform.logoUrl), footerTemplate: footer(opts.footer) });
}

export async function attestationPdf(a: AttestationContent, opts: { footer: Footer; logoUrl: string | null }): Promise<Buffer> {
  const html = await htmlOf(createElement(AttestationDocument, { a }), `Attestation ${a.number}`);
  return printPdf(html, { headerTemplate: header(a.platformName, opts.logoUrl), footerTemplate: footer(opts.footer) });
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
