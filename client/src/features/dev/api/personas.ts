import type { Role } from '@shared/core/roles';
import { httpRequest } from '@/api/http';

export interface Persona {
  openid: string;
  name: string;
  roles: Role[];
  description: string;
}

/** Local host only: the demo people a developer can be. */
export const fetchPersonas = () => httpRequest<{ personas: Persona[] }>('GET', '/api/dev/personas');
