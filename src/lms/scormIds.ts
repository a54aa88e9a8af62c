// Heard's ids (module, lesson, step and option ids such as "car-at-night") as SCORM identifiers.
// The strictest LMS checks, Moodle's, accept a SCORM 2004 identifier only when it matches
// ^[\w.]{1,250}$, so an answer whose option id holds a hyphen was refused and lost. Every id is
// written in that character set, reversibly, so a report can be read back to the content's ids:
//   letters and digits stay as they are; "-" becomes "_d"; "_" becomes "__"; "." becomes "_p";
//   any other UTF-16 unit becomes "_x" and four hex digits.
// The parts of an interaction id (module, lesson, step) are joined with ".", which no encoded
// part contains.

/** Moodle's test for a SCORM 2004 identifier (short_identifier_type). */
export const MOODLE_IDENTIFIER = /^[\w.]{1,250}$/;

export function encodeScormId(id: string): string {
  let encoded = '';
  for (let index = 0; index < id.length; index += 1) {
    const char = id[index] as string;
    if (/[A-Za-z0-9]/.test(char)) encoded += char;
    else if (char === '-') encoded += '_d';
    else if (char === '_') encoded += '__';
    else if (char === '.') encoded += '_p';
    else encoded += `_x${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
  return encoded;
}

/** The content's id again, or null when the text was not made by encodeScormId. */
export function decodeScormId(encoded: string): string | null {
  let id = '';
  for (let index = 0; index < encoded.length; index += 1) {
    const char = encoded[index] as string;
    if (/[A-Za-z0-9]/.test(char)) {
      id += char;
      continue;
    }
    if (char !== '_') return null;
    const code = encoded[index + 1];
    index += 1;
    if (code === 'd') id += '-';
    else if (code === '_') id += '_';
    else if (code === 'p') id += '.';
    else if (code === 'x' && /^[0-9a-f]{4}$/.test(encoded.slice(index + 1, index + 5))) {
      id += String.fromCharCode(parseInt(encoded.slice(index + 1, index + 5), 16));
      index += 4;
    } else return null;
  }
  return id;
}

/** The interaction id for one question: module.lesson.step, each part encoded. */
export function scormInteractionId(moduleId: string, lessonId: string, stepId: string): string {
  return [moduleId, lessonId, stepId].map(encodeScormId).join('.');
}

/** Reads an interaction id back into the content's ids. */
export function parseScormInteractionId(
  interactionId: string,
): { moduleId: string; lessonId: string; stepId: string } | null {
  const parts = interactionId.split('.').map(decodeScormId);
  if (parts.length !== 3 || parts.some((part) => part === null || part === '')) return null;
  const [moduleId, lessonId, stepId] = parts as [string, string, string];
  return { moduleId, lessonId, stepId };
}
