import { useState, type FormEvent } from 'react';
import { readTextFiles } from './downloadText';

/** The two ways a signed code arrives by hand: pasted (a link or the bare code), or a small file. */
export function CodeEntry({
  id,
  labels,
  onCode,
}: {
  id: string;
  labels: { paste: string; submit: string; file: string };
  onCode: (text: string) => void;
}) {
  const [pasted, setPasted] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCode(pasted);
  };
  const openFile = async (files: FileList | null) => {
    const [first] = await readTextFiles(files ?? []);
    if (first) onCode(first.text);
  };
  return (
    <>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-code`}>{labels.paste}</label>
          <textarea id={`${id}-code`} rows={3} value={pasted} onChange={(event) => setPasted(event.target.value)} />
        </div>
        <button type="submit" className="button">
          {labels.submit}
        </button>
      </form>
      <div className="field">
        <label htmlFor={`${id}-file`}>{labels.file}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".txt,text/plain"
          onChange={(event) => {
            void openFile(event.target.files);
            event.target.value = '';
          }}
        />
      </div>
    </>
  );
}
