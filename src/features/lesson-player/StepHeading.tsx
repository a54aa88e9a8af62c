import { useEffect, useRef, type ReactNode } from 'react';

/** A step's heading; when the step changes it takes focus so keyboard and screen-reader users start there. */
export function StepHeading({ children, moveFocus, id }: { children: ReactNode; moveFocus: boolean; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (moveFocus) ref.current?.focus();
  }, [moveFocus]);
  return (
    <h2 ref={ref} id={id} tabIndex={-1} className="step-heading">
      {children}
    </h2>
  );
}
