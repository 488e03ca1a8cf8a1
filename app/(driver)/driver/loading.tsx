export default function DriverLoading() {
  return (
    <p role="status" className="p-4 text-gray-600">
      Loading your deliveries…
    </p>
  );
}
