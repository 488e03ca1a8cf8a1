// JSON Schemas for the Kubernetes kinds the Helm chart renders, written down from the API reference
// for the fields that matter here (no cluster, no kubeconform offline), plus the deployment rules
// of docs/adr/0039 and 0044: non-root, read-only root filesystem, resource requests, probes,
// HPA bounds, the migration Job as a pre-install/pre-upgrade hook. Unknown kinds are rejected.
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";

const name = { type: "string", pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", maxLength: 63 };
const labels = { type: "object", additionalProperties: { type: "string" } };
const metadata = {
  type: "object",
  required: ["name"],
  properties: { name, namespace: name, labels, annotations: labels },
};
const port = { type: "integer", minimum: 1, maximum: 65_535 };
const portRef = { anyOf: [port, { type: "string", pattern: "^[a-z0-9-]{1,15}$" }] };
const quantity = { anyOf: [{ type: "string", pattern: "^[0-9.]+(m|Ki|Mi|Gi|Ti|k|M|G)?$" }, { type: "number" }] };

const probe = {
  type: "object",
  required: ["httpGet"],
  properties: {
    httpGet: {
      type: "object",
      required: ["path", "port"],
      properties: { path: { type: "string", pattern: "^/" }, port: portRef },
    },
    initialDelaySeconds: { type: "integer", minimum: 0 },
    periodSeconds: { type: "integer", minimum: 1 },
    timeoutSeconds: { type: "integer", minimum: 1 },
    failureThreshold: { type: "integer", minimum: 1 },
  },
};

const envVar = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string", pattern: "^[A-Z_][A-Z0-9_]*$" },
    value: { type: "string" },
    valueFrom: {
      type: "object",
      properties: {
        secretKeyRef: { type: "object", required: ["name", "key"], properties: { name, key: { type: "string" } } },
      },
    },
  },
  oneOf: [{ required: ["value"] }, { required: ["valueFrom"] }],
};

/** A container of ours: pinned image, requests, no privilege, nothing writable but mounted volumes. */
const container = (withProbes: boolean) => ({
  type: "object",
  required: [
    "name",
    "image",
    "resources",
    "securityContext",
    ...(withProbes ? ["readinessProbe", "livenessProbe"] : []),
  ],
  properties: {
    name,
    image: { type: "string", pattern: "^[^\\s:]+(:[^\\s:]+)$" },
    imagePullPolicy: { enum: ["Always", "IfNotPresent", "Never"] },
    args: { type: "array", items: { type: "string" } },
    ports: {
      type: "array",
      items: { type: "object", required: ["containerPort"], properties: { name: portRef, containerPort: port } },
    },
    env: { type: "array", items: envVar },
    envFrom: { type: "array" },
    readinessProbe: probe,
    livenessProbe: probe,
    startupProbe: probe,
    resources: {
      type: "object",
      required: ["requests"],
      properties: {
        requests: { type: "object", required: ["cpu", "memory"], additionalProperties: quantity },
        limits: { type: "object", additionalProperties: quantity },
      },
    },
    securityContext: {
      type: "object",
      required: ["allowPrivilegeEscalation", "readOnlyRootFilesystem"],
      properties: {
        allowPrivilegeEscalation: { const: false },
        readOnlyRootFilesystem: { const: true },
        capabilities: { type: "object", properties: { drop: { type: "array", contains: { const: "ALL" } } } },
      },
    },
    volumeMounts: {
      type: "array",
      items: { type: "object", required: ["name", "mountPath"], properties: { name, mountPath: { type: "string" } } },
    },
  },
});

const podSpec = (withProbes: boolean, restartPolicy?: string[]) => ({
  type: "object",
  required: ["containers", "securityContext"],
  properties: {
    securityContext: {
      type: "object",
      required: ["runAsNonRoot"],
      properties: { runAsNonRoot: { const: true }, runAsUser: { type: "integer", minimum: 1 } },
    },
    containers: { type: "array", minItems: 1, items: container(withProbes) },
    volumes: { type: "array", items: { type: "object", required: ["name"], properties: { name } } },
    ...(restartPolicy ? { restartPolicy: { enum: restartPolicy } } : {}),
  },
});

const podTemplate = (withProbes: boolean, restartPolicy?: string[]) => ({
  type: "object",
  required: ["metadata", "spec"],
  properties: { metadata: { type: "object", properties: { labels } }, spec: podSpec(withProbes, restartPolicy) },
});

const object = (apiVersion: string, kind: string, rest: Record<string, unknown>, required = ["spec"]) => ({
  type: "object",
  required: ["apiVersion", "kind", "metadata", ...required],
  properties: { apiVersion: { const: apiVersion }, kind: { const: kind }, metadata, ...rest },
});

export const K8S_SCHEMAS: Record<string, object> = {
  Deployment: object("apps/v1", "Deployment", {
    spec: {
      type: "object",
      required: ["selector", "template"],
      properties: {
        replicas: { type: "integer", minimum: 1 },
        selector: {
          type: "object",
          required: ["matchLabels"],
          properties: { matchLabels: { ...labels, minProperties: 1 } },
        },
        strategy: { type: "object", properties: { type: { enum: ["RollingUpdate", "Recreate"] } } },
        template: podTemplate(true),
      },
    },
  }),
  Service: object("v1", "Service", {
    spec: {
      type: "object",
      required: ["selector", "ports"],
      properties: {
        type: { enum: ["ClusterIP", "NodePort", "LoadBalancer"] },
        selector: { ...labels, minProperties: 1 },
        ports: {
          type: "array",
          minItems: 1,
          items: { type: "object", required: ["port"], properties: { name: portRef, port, targetPort: portRef } },
        },
      },
    },
  }),
  Ingress: object("networking.k8s.io/v1", "Ingress", {
    spec: {
      type: "object",
      required: ["rules"],
      properties: {
        ingressClassName: { type: "string" },
        tls: { type: "array", items: { type: "object", required: ["hosts", "secretName"] } },
        rules: {
          type: "array",
          minItems: 1,
          items: {
            type: "object",
            required: ["host", "http"],
            properties: {
              host: { type: "string", minLength: 1 },
              http: {
                type: "object",
                required: ["paths"],
                properties: {
                  paths: {
                    type: "array",
                    minItems: 1,
                    items: {
                      type: "object",
                      required: ["path", "pathType", "backend"],
                      properties: {
                        path: { type: "string", pattern: "^/" },
                        pathType: { enum: ["Prefix", "Exact", "ImplementationSpecific"] },
                        backend: {
                          type: "object",
                          required: ["service"],
                          properties: {
                            service: {
                              type: "object",
                              required: ["name", "port"],
                              properties: {
                                name,
                                port: {
                                  type: "object",
                                  properties: { number: port, name: { type: "string" } },
                                  oneOf: [{ required: ["number"] }, { required: ["name"] }],
                                },
                              },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  }),
  HorizontalPodAutoscaler: object("autoscaling/v2", "HorizontalPodAutoscaler", {
    spec: {
      type: "object",
      required: ["scaleTargetRef", "minReplicas", "maxReplicas", "metrics"],
      properties: {
        scaleTargetRef: {
          type: "object",
          required: ["apiVersion", "kind", "name"],
          properties: { apiVersion: { const: "apps/v1" }, kind: { const: "Deployment" }, name },
        },
        minReplicas: { type: "integer", minimum: 1, maximum: { $data: "1/maxReplicas" } },
        maxReplicas: { type: "integer", minimum: 1 },
        metrics: { type: "array", minItems: 1 },
      },
    },
  }),
  Job: object("batch/v1", "Job", {
    // Ours is the migration: it must run before the new pods on every install and upgrade.
    metadata: {
      ...metadata,
      required: ["name", "annotations"],
      properties: {
        ...metadata.properties,
        annotations: {
          type: "object",
          required: ["helm.sh/hook"],
          properties: { "helm.sh/hook": { type: "string", pattern: "(^|,)pre-install(,|$)" } },
        },
      },
      allOf: [
        {
          properties: {
            annotations: { properties: { "helm.sh/hook": { type: "string", pattern: "(^|,)pre-upgrade(,|$)" } } },
          },
        },
      ],
    },
    spec: {
      type: "object",
      required: ["template", "backoffLimit"],
      properties: {
        backoffLimit: { type: "integer", minimum: 0 },
        template: podTemplate(false, ["Never", "OnFailure"]),
      },
    },
  }),
  ConfigMap: object("v1", "ConfigMap", { data: { type: "object", additionalProperties: { type: "string" } } }, [
    "data",
  ]),
  Secret: object(
    "v1",
    "Secret",
    {
      type: { type: "string" },
      stringData: { type: "object", additionalProperties: { type: "string" } },
      data: { type: "object", additionalProperties: { type: "string", contentEncoding: "base64" } },
    },
    [],
  ),
};

const ajv = new Ajv2020({ allErrors: true, strict: false, $data: true });
const validators = Object.fromEntries(Object.entries(K8S_SCHEMAS).map(([kind, schema]) => [kind, ajv.compile(schema)]));

/** Schema errors of one rendered manifest, as "Kind/name: /path message" lines; [] when valid. */
export function manifestErrors(manifest: { kind?: unknown; metadata?: { name?: unknown } }): string[] {
  const id = `${String(manifest?.kind)}/${String(manifest?.metadata?.name)}`;
  const validate = validators[String(manifest?.kind)];
  if (!validate) return [`${id}: no schema for kind ${String(manifest?.kind)}`];
  return validate(manifest)
    ? []
    : (validate.errors ?? []).map((e: ErrorObject) => `${id}: ${e.instancePath} ${e.message}`);
}
