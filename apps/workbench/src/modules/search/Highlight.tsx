import { Fragment } from 'react';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface HighlightProps {
  /** Verbatim message text (rendered as text nodes, never as HTML). */
  text: string;
  /** Words to mark; matched case-insensitively. */
  terms: string[];
}

/** Wraps each occurrence of the terms in <mark> using React elements. */
export function Highlight({ text, terms }: HighlightProps) {
  const words = [...new Set(terms.map((term) => term.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return <>{text}</>;
  // Longest first so "发货时间" wins over "发货" when both are terms.
  const pattern = new RegExp(`(${words.map(escapeRegExp).join('|')})`, 'gi');
  const lowered = new Set(words.map((word) => word.toLowerCase()));
  return (
    <>
      {text
        .split(pattern)
        .map((part, index) =>
          lowered.has(part.toLowerCase()) ? <mark key={index}>{part}</mark> : <Fragment key={index}>{part}</Fragment>,
        )}
    </>
  );
}
