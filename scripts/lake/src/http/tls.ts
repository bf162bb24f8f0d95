// A self-signed certificate for localhost, *.localhost and 127.0.0.1, made on first start
// and kept in <dataDir>/tls/ (the Studio in a browser reaches https://<projectId>.localhost).
import {X509Certificate} from 'node:crypto'
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'

import {generate} from 'selfsigned'

export interface TlsFiles {
  key: string
  cert: string
  certPath: string
}

const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000

export async function loadCertificate(dataDir: string): Promise<TlsFiles> {
  const dir = path.join(dataDir, 'tls')
  const keyPath = path.join(dir, 'key.pem')
  const certPath = path.join(dir, 'cert.pem')
  const [key, cert] = await Promise.all([
    readFile(keyPath, 'utf8').catch(() => null),
    readFile(certPath, 'utf8').catch(() => null),
  ])
  if (key && cert && new Date(new X509Certificate(cert).validTo).getTime() - Date.now() > RENEW_BEFORE_MS) {
    return {key, cert, certPath}
  }

  const notBeforeDate = new Date(Date.now() - 60_000)
  const notAfterDate = new Date(notBeforeDate.getTime() + 365 * 24 * 3600 * 1000)
  const pems = await generate([{name: 'commonName', value: 'localhost'}], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      {name: 'basicConstraints', cA: false},
      {name: 'keyUsage', digitalSignature: true, keyEncipherment: true},
      {name: 'extKeyUsage', serverAuth: true},
      {
        name: 'subjectAltName',
        altNames: [
          {type: 2, value: 'localhost'},
          {type: 2, value: '*.localhost'},
          {type: 7, ip: '127.0.0.1'},
          {type: 7, ip: '::1'},
        ],
      },
    ],
  })
  await mkdir(dir, {recursive: true})
  await writeFile(keyPath, pems.private, {mode: 0o600})
  await writeFile(certPath, pems.cert)
  return {key: pems.private, cert: pems.cert, certPath}
}
