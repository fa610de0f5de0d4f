// Shared shapes of a record's editable metadata.
import type { Disclosure, DocType, GeneralColumn, InterpretationForm, RecordKind } from './vocab.ts';

/** What an editor fills in (form or API); every field as text or list, checked by validateRecordInput. */
export interface RecordInput {
  kind: RecordKind;
  /** Required for kind 'interpretation'. */
  interpretationForm: InterpretationForm | null;
  catalogItemId: number | null;
  generalColumn: GeneralColumn | null;
  title: string;
  publisherName: string;
  /** 文号 as typed; normalised to 〔〕 on save. '' when none. */
  docNo: string;
  writtenOn: string;
  formedOn: string;
  subject: string;
  genre: string;
  docType: DocType;
  needsInterpretation: boolean;
  /** Why a record whose 文号 looks like a 规范性文件's needs no 解读 (it is not one); '' when not stated. */
  interpretationWaiver?: string;
  /** Why another record carries the same 文号 (联合发文、转发); '' when not stated. */
  docNoSharedReason?: string;
  keywords: string[];
  summary: string;
  /** Rich text as submitted; sanitised by the service before it is stored. */
  bodyHtml: string;
  disclosure: Disclosure;
  disclosureGrounds: string[];
  disclosureNote: string;
  reevaluateOn: string | null;
}

/** The stored content of one version (pub_record_versions.snapshot). */
export interface RecordSnapshot extends RecordInput {
  state: string;
  indexNo: string | null;
  publishedOn: string | null;
  validity: string;
  validityChangedOn: string | null;
  replacedByIndexNo: string | null;
  attachments: { code: string; originalName: string; sha256: string; role: string }[];
}
