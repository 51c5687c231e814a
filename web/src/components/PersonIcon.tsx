/** The header's account icon, shared by the sign-in link and the signed-in person's menu. */
export function PersonIcon() {
  return (
    <svg class="account__icon" viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" />
    </svg>
  );
}
