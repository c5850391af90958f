// Props every create/edit form component takes.
export interface FormProps {
	/** What the fields show: the stored row, or what the user typed when the form came back with errors. */
	values: Record<string, string | null | undefined>;
	/** Error codes per field, translated by the field components. */
	errors?: Record<string, string>;
	cancelHref: string;
}
