"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export function SalesByHourChart({ data }: { data: { hour: string; sales: number; orders: number }[] }) {
  if (data.every((d) => d.orders === 0 && d.sales === 0)) {
    return (
      <p className="py-10 text-center text-gray-500">No orders yet today. The chart fills in as orders come in.</p>
    );
  }
  return (
    <div className="h-64" role="img" aria-label="Bar chart of paid sales by hour today">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="hour" interval={2} />
          <YAxis />
          <Tooltip formatter={(v) => [`$${Number(v).toFixed(2)}`, "Sales"]} />
          <Bar dataKey="sales" fill="#ea580c" radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
