/** Recovery codes shown once, selectable one by one. */
export function RecoveryCodeList({ codes }: { codes: readonly string[] }) {
  return (
    <div className="one-time-secret">
      <p className="label">Your recovery codes</p>
      <ul className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </div>
  );
}
