import request from 'supertest';
import { API_PREFIX } from '../../src/app-setup';

type Server = Parameters<typeof request>[0];

/** supertest with the /api/v1 prefix and, when logged in, the bearer token. */
export class ApiClient {
  constructor(
    private readonly server: Server,
    readonly token?: string,
  ) {}

  get(path: string) {
    return this.auth(request(this.server).get(`/${API_PREFIX}${path}`));
  }

  post(path: string, body?: string | object) {
    const req = this.auth(request(this.server).post(`/${API_PREFIX}${path}`));
    return body === undefined ? req : req.send(body);
  }

  put(path: string, body?: object) {
    const req = this.auth(request(this.server).put(`/${API_PREFIX}${path}`));
    return body === undefined ? req : req.send(body);
  }

  patch(path: string, body?: object) {
    const req = this.auth(request(this.server).patch(`/${API_PREFIX}${path}`));
    return body === undefined ? req : req.send(body);
  }

  delete(path: string) {
    return this.auth(request(this.server).delete(`/${API_PREFIX}${path}`));
  }

  private auth(req: request.Test): request.Test {
    return this.token ? req.set('Authorization', `Bearer ${this.token}`) : req;
  }
}

export async function login(server: Server, loginName: string, password: string): Promise<ApiClient> {
  const res = await new ApiClient(server).post('/auth/login', { login: loginName, password });
  if (res.status !== 200) throw new Error(`login ${loginName} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return new ApiClient(server, res.body.accessToken);
}
