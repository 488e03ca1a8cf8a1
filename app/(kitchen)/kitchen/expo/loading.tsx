export default function Loading() {
  return (
    <p className="p-10 text-3xl text-gray-400" aria-busy="true">
      Loading tickets…
    </p>
  );
}
