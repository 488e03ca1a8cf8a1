import "server-only";
import { AppError } from "../errors";
import type { LatLng } from "../delivery/geo";

export type GeocodeQuery = { street: string; unit: string | null; latitude?: number | null; longitude?: number | null };

/**
 * Turns an address into a position. No network here: the default takes the coordinates the
 * customer typed or picked and refuses an address without them; a real geocoding service plugs in
 * behind the same interface.
 */
export interface Geocoder {
  locate(query: GeocodeQuery): Promise<LatLng>;
}

export const givenCoordinatesGeocoder: Geocoder = {
  async locate(query) {
    if (typeof query.latitude !== "number" || typeof query.longitude !== "number") {
      const message = "Enter the address's coordinates (we cannot look addresses up yet)";
      throw new AppError("VALIDATION", message, { latitude: [message], longitude: [message] });
    }
    return { lat: query.latitude, lng: query.longitude };
  },
};
