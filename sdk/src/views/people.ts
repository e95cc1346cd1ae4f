// People as a family would name them: a parent by name and relationship, a professional by name and job, never by an
// account id or a role code.
import { codeText, codeTextInSentence, firstName, fullName, isObj, str, type Obj } from "./text.ts";

/** A PersonRef (or Practitioner) in words, resolving a parent's contact id against the child's contacts. */
export function personText(ref: unknown, document: Obj): string | undefined {
  if (!isObj(ref)) return undefined;
  const name = str(ref.displayName) ?? fullName(ref.name);
  const type = str(ref.personType);
  if (type === "parent-carer") {
    const child = isObj(document.child) ? document.child : {};
    const contacts = Array.isArray(child.contacts) ? child.contacts.filter(isObj) : [];
    const contact = contacts.find((c) => str(c.id) !== undefined && c.id === ref.id);
    const contactName = contact ? fullName(contact.name) : undefined;
    const relationship = contact ? str(contact.relationship) : undefined;
    const who = name ?? contactName;
    if (who && relationship) return `${who} (${relationship})`;
    return who ?? `${firstName(child)}'s parent or carer`;
  }
  if (type === "child" || type === "young-person") return name ?? firstName(document.child);
  const role = codeText("practitioner-roles", ref.role);
  const org = str(ref.organisationName) ?? (isObj(ref.organisation) ? str(ref.organisation.name) : undefined);
  const parts = [
    name,
    role && name ? `(${codeTextInSentence("practitioner-roles", ref.role)})` : role,
    org && `at ${org}`,
  ];
  const text = parts.filter(Boolean).join(" ");
  return text === "" ? undefined : text;
}
