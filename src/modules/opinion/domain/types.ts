export interface ConcernLinkInput {
  label: string;
  href: string;
}
