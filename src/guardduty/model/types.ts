/** The parts of an AWS service model (botocore's service-2.json) that the contract reads. */

export interface ShapeRef {
  shape: string;
  locationName?: string;
  /** uri, querystring or header: not part of a JSON body. */
  location?: string;
  deprecated?: boolean;
}

export interface Shape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'double' | 'float' | 'boolean' | 'timestamp';
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  min?: number;
  max?: number;
  enum?: string[];
  pattern?: string;
  box?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
}

export interface ServiceModel {
  source: string;
  metadata: { apiVersion: string; protocol: string; signingName: string };
  operations: Record<string, { http: { method: string; requestUri: string; responseCode?: number }; input: string; output: string }>;
  shapes: Record<string, Shape>;
}
