// The accent/case/punctuation folding given to the Fuse.js baseline, so that it is compared with
// the engine on equal terms: "Mutuelle Générale" and "mutuelle generale" are the same string to it.
const LIGATURES = { 'œ': 'oe', 'Œ': 'oe', 'æ': 'ae', 'Æ': 'ae', 'ß': 'ss' };

export function fold(text) {
  return String(text ?? '')
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c])
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
