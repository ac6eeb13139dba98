import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace caroni. */
export namespace caroni {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of a SignedEnvelope.
         * @deprecated Use caroni.v1.SignedEnvelope.$Properties instead.
         */
        interface ISignedEnvelope extends caroni.v1.SignedEnvelope.$Properties {
        }

        /** Represents a SignedEnvelope. */
        class SignedEnvelope {

            /**
             * Constructs a new SignedEnvelope.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.SignedEnvelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SignedEnvelope payload. */
            payload: Uint8Array;

            /** SignedEnvelope signature. */
            signature: Uint8Array;

            /** SignedEnvelope headers. */
            headers: { [k: string]: string };

            /**
             * Creates a new SignedEnvelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SignedEnvelope instance
             */
            static create(properties: caroni.v1.SignedEnvelope.$Shape): caroni.v1.SignedEnvelope & caroni.v1.SignedEnvelope.$Shape;
            static create(properties?: caroni.v1.SignedEnvelope.$Properties): caroni.v1.SignedEnvelope;

            /**
             * Encodes the specified SignedEnvelope message. Does not implicitly {@link caroni.v1.SignedEnvelope.verify|verify} messages.
             * @param message SignedEnvelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.SignedEnvelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SignedEnvelope message, length delimited. Does not implicitly {@link caroni.v1.SignedEnvelope.verify|verify} messages.
             * @param message SignedEnvelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.SignedEnvelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SignedEnvelope message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.SignedEnvelope & caroni.v1.SignedEnvelope.$Shape} SignedEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.SignedEnvelope & caroni.v1.SignedEnvelope.$Shape;

            /**
             * Decodes a SignedEnvelope message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.SignedEnvelope & caroni.v1.SignedEnvelope.$Shape} SignedEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.SignedEnvelope & caroni.v1.SignedEnvelope.$Shape;

            /**
             * Verifies a SignedEnvelope message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SignedEnvelope message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SignedEnvelope
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.SignedEnvelope;

            /**
             * Creates a plain object from a SignedEnvelope message. Also converts values to other types if specified.
             * @param message SignedEnvelope
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.SignedEnvelope, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SignedEnvelope to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SignedEnvelope
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SignedEnvelope {

            /** Properties of a SignedEnvelope. */
            interface $Properties {

                /** SignedEnvelope payload */
                payload?: (Uint8Array|null);

                /** SignedEnvelope signature */
                signature?: (Uint8Array|null);

                /** SignedEnvelope headers */
                headers?: ({ [k: string]: string }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SignedEnvelope. */
            type $Shape = caroni.v1.SignedEnvelope.$Properties;
        }

        /**
         * Properties of an Envelope.
         * @deprecated Use caroni.v1.Envelope.$Properties instead.
         */
        interface IEnvelope extends caroni.v1.Envelope.$Properties {
        }

        /** Represents an Envelope. */
        class Envelope {

            /**
             * Constructs a new Envelope.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.Envelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Envelope protocolVersion. */
            protocolVersion: number;

            /** Envelope id. */
            id: string;

            /** Envelope sender. */
            sender: string;

            /** Envelope keyId. */
            keyId: string;

            /** Envelope recipient. */
            recipient: string;

            /** Envelope sentAtMs. */
            sentAtMs: (number|Long);

            /** Envelope jobRequest. */
            jobRequest?: (caroni.v1.JobRequest.$Properties|null);

            /** Envelope jobAccepted. */
            jobAccepted?: (caroni.v1.JobAccepted.$Properties|null);

            /** Envelope jobProgress. */
            jobProgress?: (caroni.v1.JobProgress.$Properties|null);

            /** Envelope jobResult. */
            jobResult?: (caroni.v1.JobResult.$Properties|null);

            /** Envelope cancelJob. */
            cancelJob?: (caroni.v1.CancelJob.$Properties|null);

            /** Envelope jobCancelled. */
            jobCancelled?: (caroni.v1.JobCancelled.$Properties|null);

            /** Envelope jobRejected. */
            jobRejected?: (caroni.v1.JobRejected.$Properties|null);

            /** Envelope agentAnnouncement. */
            agentAnnouncement?: (caroni.v1.AgentAnnouncement.$Properties|null);

            /** Envelope reconcileJobs. */
            reconcileJobs?: (caroni.v1.ReconcileJobs.$Properties|null);

            /** Envelope jobVerdicts. */
            jobVerdicts?: (caroni.v1.JobVerdicts.$Properties|null);

            /** Envelope body. */
            body?: ("jobRequest"|"jobAccepted"|"jobProgress"|"jobResult"|"cancelJob"|"jobCancelled"|"jobRejected"|"agentAnnouncement"|"reconcileJobs"|"jobVerdicts");

            /**
             * Creates a new Envelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Envelope instance
             */
            static create(properties: caroni.v1.Envelope.$Shape): caroni.v1.Envelope & caroni.v1.Envelope.$Shape;
            static create(properties?: caroni.v1.Envelope.$Properties): caroni.v1.Envelope;

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link caroni.v1.Envelope.verify|verify} messages.
             * @param message Envelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Envelope message, length delimited. Does not implicitly {@link caroni.v1.Envelope.verify|verify} messages.
             * @param message Envelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.Envelope & caroni.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.Envelope & caroni.v1.Envelope.$Shape;

            /**
             * Decodes an Envelope message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.Envelope & caroni.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.Envelope & caroni.v1.Envelope.$Shape;

            /**
             * Verifies an Envelope message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Envelope
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.Envelope;

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @param message Envelope
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.Envelope, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Envelope to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Envelope
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Envelope {

            /** Properties of an Envelope. */
            interface $Properties {

                /** Envelope protocolVersion */
                protocolVersion?: (number|null);

                /** Envelope id */
                id?: (string|null);

                /** Envelope sender */
                sender?: (string|null);

                /** Envelope keyId */
                keyId?: (string|null);

                /** Envelope recipient */
                recipient?: (string|null);

                /** Envelope sentAtMs */
                sentAtMs?: (number|Long|null);

                /** Envelope jobRequest */
                jobRequest?: (caroni.v1.JobRequest.$Properties|null);

                /** Envelope jobAccepted */
                jobAccepted?: (caroni.v1.JobAccepted.$Properties|null);

                /** Envelope jobProgress */
                jobProgress?: (caroni.v1.JobProgress.$Properties|null);

                /** Envelope jobResult */
                jobResult?: (caroni.v1.JobResult.$Properties|null);

                /** Envelope cancelJob */
                cancelJob?: (caroni.v1.CancelJob.$Properties|null);

                /** Envelope jobCancelled */
                jobCancelled?: (caroni.v1.JobCancelled.$Properties|null);

                /** Envelope jobRejected */
                jobRejected?: (caroni.v1.JobRejected.$Properties|null);

                /** Envelope agentAnnouncement */
                agentAnnouncement?: (caroni.v1.AgentAnnouncement.$Properties|null);

                /** Envelope reconcileJobs */
                reconcileJobs?: (caroni.v1.ReconcileJobs.$Properties|null);

                /** Envelope jobVerdicts */
                jobVerdicts?: (caroni.v1.JobVerdicts.$Properties|null);

                /** Envelope body */
                body?: ("jobRequest"|"jobAccepted"|"jobProgress"|"jobResult"|"cancelJob"|"jobCancelled"|"jobRejected"|"agentAnnouncement"|"reconcileJobs"|"jobVerdicts");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of an Envelope. */
            type $Shape = {
              protocolVersion?: number|null;
              id?: string|null;
              sender?: string|null;
              keyId?: string|null;
              recipient?: string|null;
              sentAtMs?: number|Long|null;
              jobRequest?: caroni.v1.JobRequest.$Shape|null;
              jobAccepted?: caroni.v1.JobAccepted.$Shape|null;
              jobProgress?: caroni.v1.JobProgress.$Shape|null;
              jobResult?: caroni.v1.JobResult.$Shape|null;
              cancelJob?: caroni.v1.CancelJob.$Shape|null;
              jobCancelled?: caroni.v1.JobCancelled.$Shape|null;
              jobRejected?: caroni.v1.JobRejected.$Shape|null;
              agentAnnouncement?: caroni.v1.AgentAnnouncement.$Shape|null;
              reconcileJobs?: caroni.v1.ReconcileJobs.$Shape|null;
              jobVerdicts?: caroni.v1.JobVerdicts.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; jobRequest?: null; jobAccepted?: null; jobProgress?: null; jobResult?: null; cancelJob?: null; jobCancelled?: null; jobRejected?: null; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "jobRequest"; jobRequest: caroni.v1.JobRequest.$Shape; jobAccepted?: null; jobProgress?: null; jobResult?: null; cancelJob?: null; jobCancelled?: null; jobRejected?: null; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "jobAccepted"; jobRequest?: null; jobAccepted: caroni.v1.JobAccepted.$Shape; jobProgress?: null; jobResult?: null; cancelJob?: null; jobCancelled?: null; jobRejected?: null; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "jobProgress"; jobRequest?: null; jobAccepted?: null; jobProgress: caroni.v1.JobProgress.$Shape; jobResult?: null; cancelJob?: null; jobCancelled?: null; jobRejected?: null; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "jobResult"; jobRequest?: null; jobAccepted?: null; jobProgress?: null; jobResult: caroni.v1.JobResult.$Shape; cancelJob?: null; jobCancelled?: null; jobRejected?: null; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "cancelJob"; jobRequest?: null; jobAccepted?: null; jobProgress?: null; jobResult?: null; cancelJob: caroni.v1.CancelJob.$Shape; jobCancelled?: null; jobRejected?: null; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "jobCancelled"; jobRequest?: null; jobAccepted?: null; jobProgress?: null; jobResult?: null; cancelJob?: null; jobCancelled: caroni.v1.JobCancelled.$Shape; jobRejected?: null; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "jobRejected"; jobRequest?: null; jobAccepted?: null; jobProgress?: null; jobResult?: null; cancelJob?: null; jobCancelled?: null; jobRejected: caroni.v1.JobRejected.$Shape; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "agentAnnouncement"; jobRequest?: null; jobAccepted?: null; jobProgress?: null; jobResult?: null; cancelJob?: null; jobCancelled?: null; jobRejected?: null; agentAnnouncement: caroni.v1.AgentAnnouncement.$Shape; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "reconcileJobs"; jobRequest?: null; jobAccepted?: null; jobProgress?: null; jobResult?: null; cancelJob?: null; jobCancelled?: null; jobRejected?: null; agentAnnouncement?: null; reconcileJobs: caroni.v1.ReconcileJobs.$Shape; jobVerdicts?: null }|{ body?: "jobVerdicts"; jobRequest?: null; jobAccepted?: null; jobProgress?: null; jobResult?: null; cancelJob?: null; jobCancelled?: null; jobRejected?: null; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts: caroni.v1.JobVerdicts.$Shape })
            );
        }

        /**
         * Properties of a JobRef.
         * @deprecated Use caroni.v1.JobRef.$Properties instead.
         */
        interface IJobRef extends caroni.v1.JobRef.$Properties {
        }

        /** Represents a JobRef. */
        class JobRef {

            /**
             * Constructs a new JobRef.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.JobRef.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobRef manager. */
            manager: string;

            /** JobRef namespace. */
            namespace: string;

            /** JobRef workflowId. */
            workflowId: string;

            /** JobRef runId. */
            runId: string;

            /** JobRef stepId. */
            stepId: string;

            /** JobRef generation. */
            generation: number;

            /**
             * Creates a new JobRef instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobRef instance
             */
            static create(properties: caroni.v1.JobRef.$Shape): caroni.v1.JobRef & caroni.v1.JobRef.$Shape;
            static create(properties?: caroni.v1.JobRef.$Properties): caroni.v1.JobRef;

            /**
             * Encodes the specified JobRef message. Does not implicitly {@link caroni.v1.JobRef.verify|verify} messages.
             * @param message JobRef message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.JobRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified JobRef message, length delimited. Does not implicitly {@link caroni.v1.JobRef.verify|verify} messages.
             * @param message JobRef message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.JobRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobRef message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.JobRef & caroni.v1.JobRef.$Shape} JobRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.JobRef & caroni.v1.JobRef.$Shape;

            /**
             * Decodes a JobRef message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.JobRef & caroni.v1.JobRef.$Shape} JobRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.JobRef & caroni.v1.JobRef.$Shape;

            /**
             * Verifies a JobRef message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JobRef message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobRef
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.JobRef;

            /**
             * Creates a plain object from a JobRef message. Also converts values to other types if specified.
             * @param message JobRef
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.JobRef, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobRef to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for JobRef
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace JobRef {

            /** Properties of a JobRef. */
            interface $Properties {

                /** JobRef manager */
                manager?: (string|null);

                /** JobRef namespace */
                namespace?: (string|null);

                /** JobRef workflowId */
                workflowId?: (string|null);

                /** JobRef runId */
                runId?: (string|null);

                /** JobRef stepId */
                stepId?: (string|null);

                /** JobRef generation */
                generation?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobRef. */
            type $Shape = caroni.v1.JobRef.$Properties;
        }

        /**
         * Properties of a JobRequest.
         * @deprecated Use caroni.v1.JobRequest.$Properties instead.
         */
        interface IJobRequest extends caroni.v1.JobRequest.$Properties {
        }

        /** Represents a JobRequest. */
        class JobRequest {

            /**
             * Constructs a new JobRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.JobRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobRequest jobId. */
            jobId: string;

            /** JobRequest ref. */
            ref?: (caroni.v1.JobRef.$Properties|null);

            /** JobRequest attempt. */
            attempt: number;

            /** JobRequest jobType. */
            jobType: string;

            /** JobRequest parameters. */
            parameters?: (google.protobuf.Struct.$Properties|null);

            /** JobRequest queueDeadlineMs. */
            queueDeadlineMs: (number|Long);

            /** JobRequest runTimeoutMs. */
            runTimeoutMs: number;

            /** JobRequest progressIntervalMs. */
            progressIntervalMs: number;

            /** JobRequest idempotencyKey. */
            idempotencyKey: string;

            /**
             * Creates a new JobRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobRequest instance
             */
            static create(properties: caroni.v1.JobRequest.$Shape): caroni.v1.JobRequest & caroni.v1.JobRequest.$Shape;
            static create(properties?: caroni.v1.JobRequest.$Properties): caroni.v1.JobRequest;

            /**
             * Encodes the specified JobRequest message. Does not implicitly {@link caroni.v1.JobRequest.verify|verify} messages.
             * @param message JobRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.JobRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified JobRequest message, length delimited. Does not implicitly {@link caroni.v1.JobRequest.verify|verify} messages.
             * @param message JobRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.JobRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.JobRequest & caroni.v1.JobRequest.$Shape} JobRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.JobRequest & caroni.v1.JobRequest.$Shape;

            /**
             * Decodes a JobRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.JobRequest & caroni.v1.JobRequest.$Shape} JobRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.JobRequest & caroni.v1.JobRequest.$Shape;

            /**
             * Verifies a JobRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JobRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobRequest
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.JobRequest;

            /**
             * Creates a plain object from a JobRequest message. Also converts values to other types if specified.
             * @param message JobRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.JobRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for JobRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace JobRequest {

            /** Properties of a JobRequest. */
            interface $Properties {

                /** JobRequest jobId */
                jobId?: (string|null);

                /** JobRequest ref */
                ref?: (caroni.v1.JobRef.$Properties|null);

                /** JobRequest attempt */
                attempt?: (number|null);

                /** JobRequest jobType */
                jobType?: (string|null);

                /** JobRequest parameters */
                parameters?: (google.protobuf.Struct.$Properties|null);

                /** JobRequest queueDeadlineMs */
                queueDeadlineMs?: (number|Long|null);

                /** JobRequest runTimeoutMs */
                runTimeoutMs?: (number|null);

                /** JobRequest progressIntervalMs */
                progressIntervalMs?: (number|null);

                /** JobRequest idempotencyKey */
                idempotencyKey?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobRequest. */
            type $Shape = {
              jobId?: string|null;
              ref?: caroni.v1.JobRef.$Shape|null;
              attempt?: number|null;
              jobType?: string|null;
              parameters?: google.protobuf.Struct.$Shape|null;
              queueDeadlineMs?: number|Long|null;
              runTimeoutMs?: number|null;
              progressIntervalMs?: number|null;
              idempotencyKey?: string|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a JobAccepted.
         * @deprecated Use caroni.v1.JobAccepted.$Properties instead.
         */
        interface IJobAccepted extends caroni.v1.JobAccepted.$Properties {
        }

        /** Represents a JobAccepted. */
        class JobAccepted {

            /**
             * Constructs a new JobAccepted.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.JobAccepted.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobAccepted jobId. */
            jobId: string;

            /** JobAccepted ref. */
            ref?: (caroni.v1.JobRef.$Properties|null);

            /** JobAccepted attempt. */
            attempt: number;

            /**
             * Creates a new JobAccepted instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobAccepted instance
             */
            static create(properties: caroni.v1.JobAccepted.$Shape): caroni.v1.JobAccepted & caroni.v1.JobAccepted.$Shape;
            static create(properties?: caroni.v1.JobAccepted.$Properties): caroni.v1.JobAccepted;

            /**
             * Encodes the specified JobAccepted message. Does not implicitly {@link caroni.v1.JobAccepted.verify|verify} messages.
             * @param message JobAccepted message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.JobAccepted.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified JobAccepted message, length delimited. Does not implicitly {@link caroni.v1.JobAccepted.verify|verify} messages.
             * @param message JobAccepted message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.JobAccepted.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobAccepted message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.JobAccepted & caroni.v1.JobAccepted.$Shape} JobAccepted
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.JobAccepted & caroni.v1.JobAccepted.$Shape;

            /**
             * Decodes a JobAccepted message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.JobAccepted & caroni.v1.JobAccepted.$Shape} JobAccepted
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.JobAccepted & caroni.v1.JobAccepted.$Shape;

            /**
             * Verifies a JobAccepted message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JobAccepted message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobAccepted
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.JobAccepted;

            /**
             * Creates a plain object from a JobAccepted message. Also converts values to other types if specified.
             * @param message JobAccepted
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.JobAccepted, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobAccepted to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for JobAccepted
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace JobAccepted {

            /** Properties of a JobAccepted. */
            interface $Properties {

                /** JobAccepted jobId */
                jobId?: (string|null);

                /** JobAccepted ref */
                ref?: (caroni.v1.JobRef.$Properties|null);

                /** JobAccepted attempt */
                attempt?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobAccepted. */
            type $Shape = caroni.v1.JobAccepted.$Properties;
        }

        /**
         * Properties of a JobProgress.
         * @deprecated Use caroni.v1.JobProgress.$Properties instead.
         */
        interface IJobProgress extends caroni.v1.JobProgress.$Properties {
        }

        /** Represents a JobProgress. */
        class JobProgress {

            /**
             * Constructs a new JobProgress.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.JobProgress.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobProgress jobId. */
            jobId: string;

            /** JobProgress ref. */
            ref?: (caroni.v1.JobRef.$Properties|null);

            /** JobProgress attempt. */
            attempt: number;

            /** JobProgress details. */
            details?: (google.protobuf.Value.$Properties|null);

            /** JobProgress sequence. */
            sequence: number;

            /** JobProgress logTail. */
            logTail?: (caroni.v1.JobLog.$Properties|null);

            /**
             * Creates a new JobProgress instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobProgress instance
             */
            static create(properties: caroni.v1.JobProgress.$Shape): caroni.v1.JobProgress & caroni.v1.JobProgress.$Shape;
            static create(properties?: caroni.v1.JobProgress.$Properties): caroni.v1.JobProgress;

            /**
             * Encodes the specified JobProgress message. Does not implicitly {@link caroni.v1.JobProgress.verify|verify} messages.
             * @param message JobProgress message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.JobProgress.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified JobProgress message, length delimited. Does not implicitly {@link caroni.v1.JobProgress.verify|verify} messages.
             * @param message JobProgress message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.JobProgress.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobProgress message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.JobProgress & caroni.v1.JobProgress.$Shape} JobProgress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.JobProgress & caroni.v1.JobProgress.$Shape;

            /**
             * Decodes a JobProgress message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.JobProgress & caroni.v1.JobProgress.$Shape} JobProgress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.JobProgress & caroni.v1.JobProgress.$Shape;

            /**
             * Verifies a JobProgress message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JobProgress message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobProgress
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.JobProgress;

            /**
             * Creates a plain object from a JobProgress message. Also converts values to other types if specified.
             * @param message JobProgress
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.JobProgress, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobProgress to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for JobProgress
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace JobProgress {

            /** Properties of a JobProgress. */
            interface $Properties {

                /** JobProgress jobId */
                jobId?: (string|null);

                /** JobProgress ref */
                ref?: (caroni.v1.JobRef.$Properties|null);

                /** JobProgress attempt */
                attempt?: (number|null);

                /** JobProgress details */
                details?: (google.protobuf.Value.$Properties|null);

                /** JobProgress sequence */
                sequence?: (number|null);

                /** JobProgress logTail */
                logTail?: (caroni.v1.JobLog.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobProgress. */
            type $Shape = {
              jobId?: string|null;
              ref?: caroni.v1.JobRef.$Shape|null;
              attempt?: number|null;
              details?: google.protobuf.Value.$Shape|null;
              sequence?: number|null;
              logTail?: caroni.v1.JobLog.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a JobLog.
         * @deprecated Use caroni.v1.JobLog.$Properties instead.
         */
        interface IJobLog extends caroni.v1.JobLog.$Properties {
        }

        /** Represents a JobLog. */
        class JobLog {

            /**
             * Constructs a new JobLog.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.JobLog.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobLog text. */
            text: string;

            /** JobLog bytes. */
            bytes: (number|Long);

            /** JobLog truncated. */
            truncated: boolean;

            /**
             * Creates a new JobLog instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobLog instance
             */
            static create(properties: caroni.v1.JobLog.$Shape): caroni.v1.JobLog & caroni.v1.JobLog.$Shape;
            static create(properties?: caroni.v1.JobLog.$Properties): caroni.v1.JobLog;

            /**
             * Encodes the specified JobLog message. Does not implicitly {@link caroni.v1.JobLog.verify|verify} messages.
             * @param message JobLog message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.JobLog.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified JobLog message, length delimited. Does not implicitly {@link caroni.v1.JobLog.verify|verify} messages.
             * @param message JobLog message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.JobLog.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobLog message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.JobLog & caroni.v1.JobLog.$Shape} JobLog
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.JobLog & caroni.v1.JobLog.$Shape;

            /**
             * Decodes a JobLog message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.JobLog & caroni.v1.JobLog.$Shape} JobLog
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.JobLog & caroni.v1.JobLog.$Shape;

            /**
             * Verifies a JobLog message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JobLog message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobLog
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.JobLog;

            /**
             * Creates a plain object from a JobLog message. Also converts values to other types if specified.
             * @param message JobLog
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.JobLog, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobLog to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for JobLog
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace JobLog {

            /** Properties of a JobLog. */
            interface $Properties {

                /** JobLog text */
                text?: (string|null);

                /** JobLog bytes */
                bytes?: (number|Long|null);

                /** JobLog truncated */
                truncated?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobLog. */
            type $Shape = caroni.v1.JobLog.$Properties;
        }

        /**
         * Properties of a JobFailure.
         * @deprecated Use caroni.v1.JobFailure.$Properties instead.
         */
        interface IJobFailure extends caroni.v1.JobFailure.$Properties {
        }

        /** Represents a JobFailure. */
        class JobFailure {

            /**
             * Constructs a new JobFailure.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.JobFailure.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobFailure type. */
            type: string;

            /** JobFailure message. */
            message: string;

            /** JobFailure nonRetryable. */
            nonRetryable: boolean;

            /** JobFailure details. */
            details?: (google.protobuf.Value.$Properties|null);

            /**
             * Creates a new JobFailure instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobFailure instance
             */
            static create(properties: caroni.v1.JobFailure.$Shape): caroni.v1.JobFailure & caroni.v1.JobFailure.$Shape;
            static create(properties?: caroni.v1.JobFailure.$Properties): caroni.v1.JobFailure;

            /**
             * Encodes the specified JobFailure message. Does not implicitly {@link caroni.v1.JobFailure.verify|verify} messages.
             * @param message JobFailure message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.JobFailure.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified JobFailure message, length delimited. Does not implicitly {@link caroni.v1.JobFailure.verify|verify} messages.
             * @param message JobFailure message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.JobFailure.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobFailure message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.JobFailure & caroni.v1.JobFailure.$Shape} JobFailure
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.JobFailure & caroni.v1.JobFailure.$Shape;

            /**
             * Decodes a JobFailure message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.JobFailure & caroni.v1.JobFailure.$Shape} JobFailure
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.JobFailure & caroni.v1.JobFailure.$Shape;

            /**
             * Verifies a JobFailure message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JobFailure message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobFailure
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.JobFailure;

            /**
             * Creates a plain object from a JobFailure message. Also converts values to other types if specified.
             * @param message JobFailure
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.JobFailure, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobFailure to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for JobFailure
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace JobFailure {

            /** Properties of a JobFailure. */
            interface $Properties {

                /** JobFailure type */
                type?: (string|null);

                /** JobFailure message */
                message?: (string|null);

                /** JobFailure nonRetryable */
                nonRetryable?: (boolean|null);

                /** JobFailure details */
                details?: (google.protobuf.Value.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobFailure. */
            type $Shape = {
              type?: string|null;
              message?: string|null;
              nonRetryable?: boolean|null;
              details?: google.protobuf.Value.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a JobResult.
         * @deprecated Use caroni.v1.JobResult.$Properties instead.
         */
        interface IJobResult extends caroni.v1.JobResult.$Properties {
        }

        /** Represents a JobResult. */
        class JobResult {

            /**
             * Constructs a new JobResult.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.JobResult.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobResult jobId. */
            jobId: string;

            /** JobResult ref. */
            ref?: (caroni.v1.JobRef.$Properties|null);

            /** JobResult attempt. */
            attempt: number;

            /** JobResult output. */
            output?: (google.protobuf.Value.$Properties|null);

            /** JobResult failure. */
            failure?: (caroni.v1.JobFailure.$Properties|null);

            /** JobResult fromLedger. */
            fromLedger: boolean;

            /** JobResult usage. */
            usage?: (caroni.v1.JobUsage.$Properties|null);

            /** JobResult jobType. */
            jobType: string;

            /** JobResult log. */
            log?: (caroni.v1.JobLog.$Properties|null);

            /** JobResult outcome. */
            outcome?: ("output"|"failure");

            /**
             * Creates a new JobResult instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobResult instance
             */
            static create(properties: caroni.v1.JobResult.$Shape): caroni.v1.JobResult & caroni.v1.JobResult.$Shape;
            static create(properties?: caroni.v1.JobResult.$Properties): caroni.v1.JobResult;

            /**
             * Encodes the specified JobResult message. Does not implicitly {@link caroni.v1.JobResult.verify|verify} messages.
             * @param message JobResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.JobResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified JobResult message, length delimited. Does not implicitly {@link caroni.v1.JobResult.verify|verify} messages.
             * @param message JobResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.JobResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobResult message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.JobResult & caroni.v1.JobResult.$Shape} JobResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.JobResult & caroni.v1.JobResult.$Shape;

            /**
             * Decodes a JobResult message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.JobResult & caroni.v1.JobResult.$Shape} JobResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.JobResult & caroni.v1.JobResult.$Shape;

            /**
             * Verifies a JobResult message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JobResult message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobResult
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.JobResult;

            /**
             * Creates a plain object from a JobResult message. Also converts values to other types if specified.
             * @param message JobResult
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.JobResult, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobResult to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for JobResult
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace JobResult {

            /** Properties of a JobResult. */
            interface $Properties {

                /** JobResult jobId */
                jobId?: (string|null);

                /** JobResult ref */
                ref?: (caroni.v1.JobRef.$Properties|null);

                /** JobResult attempt */
                attempt?: (number|null);

                /** JobResult output */
                output?: (google.protobuf.Value.$Properties|null);

                /** JobResult failure */
                failure?: (caroni.v1.JobFailure.$Properties|null);

                /** JobResult fromLedger */
                fromLedger?: (boolean|null);

                /** JobResult usage */
                usage?: (caroni.v1.JobUsage.$Properties|null);

                /** JobResult jobType */
                jobType?: (string|null);

                /** JobResult log */
                log?: (caroni.v1.JobLog.$Properties|null);

                /** JobResult outcome */
                outcome?: ("output"|"failure");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a JobResult. */
            type $Shape = {
              jobId?: string|null;
              ref?: caroni.v1.JobRef.$Shape|null;
              attempt?: number|null;
              output?: google.protobuf.Value.$Shape|null;
              failure?: caroni.v1.JobFailure.$Shape|null;
              fromLedger?: boolean|null;
              usage?: caroni.v1.JobUsage.$Shape|null;
              jobType?: string|null;
              log?: caroni.v1.JobLog.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ outcome?: undefined; output?: null; failure?: null }|{ outcome?: "output"; output: google.protobuf.Value.$Shape; failure?: null }|{ outcome?: "failure"; output?: null; failure: caroni.v1.JobFailure.$Shape })
            );
        }

        /**
         * Properties of a JobUsage.
         * @deprecated Use caroni.v1.JobUsage.$Properties instead.
         */
        interface IJobUsage extends caroni.v1.JobUsage.$Properties {
        }

        /** Represents a JobUsage. */
        class JobUsage {

            /**
             * Constructs a new JobUsage.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.JobUsage.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobUsage queueWaitMs. */
            queueWaitMs: (number|Long);

            /** JobUsage wallMs. */
            wallMs: (number|Long);

            /** JobUsage slotMs. */
            slotMs: (number|Long);

            /** JobUsage cpuMs. */
            cpuMs: (number|Long);

            /** JobUsage peakRssKb. */
            peakRssKb: (number|Long);

            /** JobUsage attempt. */
            attempt: number;

            /**
             * Creates a new JobUsage instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobUsage instance
             */
            static create(properties: caroni.v1.JobUsage.$Shape): caroni.v1.JobUsage & caroni.v1.JobUsage.$Shape;
            static create(properties?: caroni.v1.JobUsage.$Properties): caroni.v1.JobUsage;

            /**
             * Encodes the specified JobUsage message. Does not implicitly {@link caroni.v1.JobUsage.verify|verify} messages.
             * @param message JobUsage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.JobUsage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified JobUsage message, length delimited. Does not implicitly {@link caroni.v1.JobUsage.verify|verify} messages.
             * @param message JobUsage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.JobUsage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobUsage message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.JobUsage & caroni.v1.JobUsage.$Shape} JobUsage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.JobUsage & caroni.v1.JobUsage.$Shape;

            /**
             * Decodes a JobUsage message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.JobUsage & caroni.v1.JobUsage.$Shape} JobUsage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.JobUsage & caroni.v1.JobUsage.$Shape;

            /**
             * Verifies a JobUsage message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JobUsage message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobUsage
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.JobUsage;

            /**
             * Creates a plain object from a JobUsage message. Also converts values to other types if specified.
             * @param message JobUsage
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.JobUsage, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobUsage to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for JobUsage
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace JobUsage {

            /** Properties of a JobUsage. */
            interface $Properties {

                /** JobUsage queueWaitMs */
                queueWaitMs?: (number|Long|null);

                /** JobUsage wallMs */
                wallMs?: (number|Long|null);

                /** JobUsage slotMs */
                slotMs?: (number|Long|null);

                /** JobUsage cpuMs */
                cpuMs?: (number|Long|null);

                /** JobUsage peakRssKb */
                peakRssKb?: (number|Long|null);

                /** JobUsage attempt */
                attempt?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobUsage. */
            type $Shape = caroni.v1.JobUsage.$Properties;
        }

        /**
         * Properties of a CancelJob.
         * @deprecated Use caroni.v1.CancelJob.$Properties instead.
         */
        interface ICancelJob extends caroni.v1.CancelJob.$Properties {
        }

        /** Represents a CancelJob. */
        class CancelJob {

            /**
             * Constructs a new CancelJob.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.CancelJob.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CancelJob jobId. */
            jobId: string;

            /** CancelJob ref. */
            ref?: (caroni.v1.JobRef.$Properties|null);

            /** CancelJob reason. */
            reason: string;

            /**
             * Creates a new CancelJob instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CancelJob instance
             */
            static create(properties: caroni.v1.CancelJob.$Shape): caroni.v1.CancelJob & caroni.v1.CancelJob.$Shape;
            static create(properties?: caroni.v1.CancelJob.$Properties): caroni.v1.CancelJob;

            /**
             * Encodes the specified CancelJob message. Does not implicitly {@link caroni.v1.CancelJob.verify|verify} messages.
             * @param message CancelJob message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.CancelJob.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified CancelJob message, length delimited. Does not implicitly {@link caroni.v1.CancelJob.verify|verify} messages.
             * @param message CancelJob message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.CancelJob.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CancelJob message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.CancelJob & caroni.v1.CancelJob.$Shape} CancelJob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.CancelJob & caroni.v1.CancelJob.$Shape;

            /**
             * Decodes a CancelJob message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.CancelJob & caroni.v1.CancelJob.$Shape} CancelJob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.CancelJob & caroni.v1.CancelJob.$Shape;

            /**
             * Verifies a CancelJob message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a CancelJob message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CancelJob
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.CancelJob;

            /**
             * Creates a plain object from a CancelJob message. Also converts values to other types if specified.
             * @param message CancelJob
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.CancelJob, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CancelJob to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for CancelJob
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace CancelJob {

            /** Properties of a CancelJob. */
            interface $Properties {

                /** CancelJob jobId */
                jobId?: (string|null);

                /** CancelJob ref */
                ref?: (caroni.v1.JobRef.$Properties|null);

                /** CancelJob reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CancelJob. */
            type $Shape = caroni.v1.CancelJob.$Properties;
        }

        /**
         * Properties of a JobCancelled.
         * @deprecated Use caroni.v1.JobCancelled.$Properties instead.
         */
        interface IJobCancelled extends caroni.v1.JobCancelled.$Properties {
        }

        /** Represents a JobCancelled. */
        class JobCancelled {

            /**
             * Constructs a new JobCancelled.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.JobCancelled.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobCancelled jobId. */
            jobId: string;

            /** JobCancelled ref. */
            ref?: (caroni.v1.JobRef.$Properties|null);

            /** JobCancelled wasRunning. */
            wasRunning: boolean;

            /**
             * Creates a new JobCancelled instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobCancelled instance
             */
            static create(properties: caroni.v1.JobCancelled.$Shape): caroni.v1.JobCancelled & caroni.v1.JobCancelled.$Shape;
            static create(properties?: caroni.v1.JobCancelled.$Properties): caroni.v1.JobCancelled;

            /**
             * Encodes the specified JobCancelled message. Does not implicitly {@link caroni.v1.JobCancelled.verify|verify} messages.
             * @param message JobCancelled message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.JobCancelled.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified JobCancelled message, length delimited. Does not implicitly {@link caroni.v1.JobCancelled.verify|verify} messages.
             * @param message JobCancelled message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.JobCancelled.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobCancelled message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.JobCancelled & caroni.v1.JobCancelled.$Shape} JobCancelled
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.JobCancelled & caroni.v1.JobCancelled.$Shape;

            /**
             * Decodes a JobCancelled message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.JobCancelled & caroni.v1.JobCancelled.$Shape} JobCancelled
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.JobCancelled & caroni.v1.JobCancelled.$Shape;

            /**
             * Verifies a JobCancelled message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JobCancelled message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobCancelled
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.JobCancelled;

            /**
             * Creates a plain object from a JobCancelled message. Also converts values to other types if specified.
             * @param message JobCancelled
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.JobCancelled, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobCancelled to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for JobCancelled
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace JobCancelled {

            /** Properties of a JobCancelled. */
            interface $Properties {

                /** JobCancelled jobId */
                jobId?: (string|null);

                /** JobCancelled ref */
                ref?: (caroni.v1.JobRef.$Properties|null);

                /** JobCancelled wasRunning */
                wasRunning?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobCancelled. */
            type $Shape = caroni.v1.JobCancelled.$Properties;
        }

        /**
         * Properties of a JobRejected.
         * @deprecated Use caroni.v1.JobRejected.$Properties instead.
         */
        interface IJobRejected extends caroni.v1.JobRejected.$Properties {
        }

        /** Represents a JobRejected. */
        class JobRejected {

            /**
             * Constructs a new JobRejected.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.JobRejected.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobRejected jobId. */
            jobId: string;

            /** JobRejected ref. */
            ref?: (caroni.v1.JobRef.$Properties|null);

            /** JobRejected attempt. */
            attempt: number;

            /** JobRejected reason. */
            reason: caroni.v1.JobRejected.Reason;

            /** JobRejected message. */
            message: string;

            /**
             * Creates a new JobRejected instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobRejected instance
             */
            static create(properties: caroni.v1.JobRejected.$Shape): caroni.v1.JobRejected & caroni.v1.JobRejected.$Shape;
            static create(properties?: caroni.v1.JobRejected.$Properties): caroni.v1.JobRejected;

            /**
             * Encodes the specified JobRejected message. Does not implicitly {@link caroni.v1.JobRejected.verify|verify} messages.
             * @param message JobRejected message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.JobRejected.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified JobRejected message, length delimited. Does not implicitly {@link caroni.v1.JobRejected.verify|verify} messages.
             * @param message JobRejected message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.JobRejected.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobRejected message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.JobRejected & caroni.v1.JobRejected.$Shape} JobRejected
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.JobRejected & caroni.v1.JobRejected.$Shape;

            /**
             * Decodes a JobRejected message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.JobRejected & caroni.v1.JobRejected.$Shape} JobRejected
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.JobRejected & caroni.v1.JobRejected.$Shape;

            /**
             * Verifies a JobRejected message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JobRejected message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobRejected
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.JobRejected;

            /**
             * Creates a plain object from a JobRejected message. Also converts values to other types if specified.
             * @param message JobRejected
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.JobRejected, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobRejected to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for JobRejected
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace JobRejected {

            /** Properties of a JobRejected. */
            interface $Properties {

                /** JobRejected jobId */
                jobId?: (string|null);

                /** JobRejected ref */
                ref?: (caroni.v1.JobRef.$Properties|null);

                /** JobRejected attempt */
                attempt?: (number|null);

                /** JobRejected reason */
                reason?: (caroni.v1.JobRejected.Reason|null);

                /** JobRejected message */
                message?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobRejected. */
            type $Shape = caroni.v1.JobRejected.$Properties;

            /** Reason enum. */
            enum Reason {

                /** REASON_UNSPECIFIED value */
                REASON_UNSPECIFIED = 0,

                /** REASON_UNTRUSTED value */
                REASON_UNTRUSTED = 1,

                /** REASON_UNKNOWN_JOB_TYPE value */
                REASON_UNKNOWN_JOB_TYPE = 2,

                /** REASON_EXPIRED value */
                REASON_EXPIRED = 3,

                /** REASON_OVER_QUOTA value */
                REASON_OVER_QUOTA = 4,

                /** REASON_UNSUPPORTED_VERSION value */
                REASON_UNSUPPORTED_VERSION = 5,

                /** REASON_DEADLINE_TOO_FAR value */
                REASON_DEADLINE_TOO_FAR = 6
            }
        }

        /**
         * Properties of an AgentAnnouncement.
         * @deprecated Use caroni.v1.AgentAnnouncement.$Properties instead.
         */
        interface IAgentAnnouncement extends caroni.v1.AgentAnnouncement.$Properties {
        }

        /** Represents an AgentAnnouncement. */
        class AgentAnnouncement {

            /**
             * Constructs a new AgentAnnouncement.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.AgentAnnouncement.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AgentAnnouncement agentId. */
            agentId: string;

            /** AgentAnnouncement jobTypes. */
            jobTypes: string[];

            /** AgentAnnouncement labels. */
            labels: { [k: string]: string };

            /** AgentAnnouncement capacity. */
            capacity: number;

            /** AgentAnnouncement load. */
            load: number;

            /** AgentAnnouncement protocolVersions. */
            protocolVersions: number[];

            /** AgentAnnouncement softwareVersion. */
            softwareVersion: string;

            /** AgentAnnouncement draining. */
            draining: boolean;

            /** AgentAnnouncement announceIntervalMs. */
            announceIntervalMs: number;

            /** AgentAnnouncement loadForRecipient. */
            loadForRecipient: number;

            /**
             * Creates a new AgentAnnouncement instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AgentAnnouncement instance
             */
            static create(properties: caroni.v1.AgentAnnouncement.$Shape): caroni.v1.AgentAnnouncement & caroni.v1.AgentAnnouncement.$Shape;
            static create(properties?: caroni.v1.AgentAnnouncement.$Properties): caroni.v1.AgentAnnouncement;

            /**
             * Encodes the specified AgentAnnouncement message. Does not implicitly {@link caroni.v1.AgentAnnouncement.verify|verify} messages.
             * @param message AgentAnnouncement message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.AgentAnnouncement.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified AgentAnnouncement message, length delimited. Does not implicitly {@link caroni.v1.AgentAnnouncement.verify|verify} messages.
             * @param message AgentAnnouncement message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.AgentAnnouncement.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AgentAnnouncement message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.AgentAnnouncement & caroni.v1.AgentAnnouncement.$Shape} AgentAnnouncement
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.AgentAnnouncement & caroni.v1.AgentAnnouncement.$Shape;

            /**
             * Decodes an AgentAnnouncement message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.AgentAnnouncement & caroni.v1.AgentAnnouncement.$Shape} AgentAnnouncement
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.AgentAnnouncement & caroni.v1.AgentAnnouncement.$Shape;

            /**
             * Verifies an AgentAnnouncement message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an AgentAnnouncement message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AgentAnnouncement
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.AgentAnnouncement;

            /**
             * Creates a plain object from an AgentAnnouncement message. Also converts values to other types if specified.
             * @param message AgentAnnouncement
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.AgentAnnouncement, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AgentAnnouncement to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for AgentAnnouncement
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AgentAnnouncement {

            /** Properties of an AgentAnnouncement. */
            interface $Properties {

                /** AgentAnnouncement agentId */
                agentId?: (string|null);

                /** AgentAnnouncement jobTypes */
                jobTypes?: (string[]|null);

                /** AgentAnnouncement labels */
                labels?: ({ [k: string]: string }|null);

                /** AgentAnnouncement capacity */
                capacity?: (number|null);

                /** AgentAnnouncement load */
                load?: (number|null);

                /** AgentAnnouncement protocolVersions */
                protocolVersions?: (number[]|null);

                /** AgentAnnouncement softwareVersion */
                softwareVersion?: (string|null);

                /** AgentAnnouncement draining */
                draining?: (boolean|null);

                /** AgentAnnouncement announceIntervalMs */
                announceIntervalMs?: (number|null);

                /** AgentAnnouncement loadForRecipient */
                loadForRecipient?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AgentAnnouncement. */
            type $Shape = caroni.v1.AgentAnnouncement.$Properties;
        }

        /**
         * Properties of a ReconcileJobs.
         * @deprecated Use caroni.v1.ReconcileJobs.$Properties instead.
         */
        interface IReconcileJobs extends caroni.v1.ReconcileJobs.$Properties {
        }

        /** Represents a ReconcileJobs. */
        class ReconcileJobs {

            /**
             * Constructs a new ReconcileJobs.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.ReconcileJobs.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ReconcileJobs jobs. */
            jobs: caroni.v1.HeldJob.$Properties[];

            /**
             * Creates a new ReconcileJobs instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ReconcileJobs instance
             */
            static create(properties: caroni.v1.ReconcileJobs.$Shape): caroni.v1.ReconcileJobs & caroni.v1.ReconcileJobs.$Shape;
            static create(properties?: caroni.v1.ReconcileJobs.$Properties): caroni.v1.ReconcileJobs;

            /**
             * Encodes the specified ReconcileJobs message. Does not implicitly {@link caroni.v1.ReconcileJobs.verify|verify} messages.
             * @param message ReconcileJobs message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.ReconcileJobs.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ReconcileJobs message, length delimited. Does not implicitly {@link caroni.v1.ReconcileJobs.verify|verify} messages.
             * @param message ReconcileJobs message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.ReconcileJobs.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ReconcileJobs message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.ReconcileJobs & caroni.v1.ReconcileJobs.$Shape} ReconcileJobs
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.ReconcileJobs & caroni.v1.ReconcileJobs.$Shape;

            /**
             * Decodes a ReconcileJobs message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.ReconcileJobs & caroni.v1.ReconcileJobs.$Shape} ReconcileJobs
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.ReconcileJobs & caroni.v1.ReconcileJobs.$Shape;

            /**
             * Verifies a ReconcileJobs message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ReconcileJobs message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ReconcileJobs
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.ReconcileJobs;

            /**
             * Creates a plain object from a ReconcileJobs message. Also converts values to other types if specified.
             * @param message ReconcileJobs
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.ReconcileJobs, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ReconcileJobs to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ReconcileJobs
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ReconcileJobs {

            /** Properties of a ReconcileJobs. */
            interface $Properties {

                /** ReconcileJobs jobs */
                jobs?: (caroni.v1.HeldJob.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ReconcileJobs. */
            type $Shape = caroni.v1.ReconcileJobs.$Properties;
        }

        /**
         * Properties of a HeldJob.
         * @deprecated Use caroni.v1.HeldJob.$Properties instead.
         */
        interface IHeldJob extends caroni.v1.HeldJob.$Properties {
        }

        /** Represents a HeldJob. */
        class HeldJob {

            /**
             * Constructs a new HeldJob.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.HeldJob.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HeldJob jobId. */
            jobId: string;

            /** HeldJob ref. */
            ref?: (caroni.v1.JobRef.$Properties|null);

            /** HeldJob attempt. */
            attempt: number;

            /**
             * Creates a new HeldJob instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HeldJob instance
             */
            static create(properties: caroni.v1.HeldJob.$Shape): caroni.v1.HeldJob & caroni.v1.HeldJob.$Shape;
            static create(properties?: caroni.v1.HeldJob.$Properties): caroni.v1.HeldJob;

            /**
             * Encodes the specified HeldJob message. Does not implicitly {@link caroni.v1.HeldJob.verify|verify} messages.
             * @param message HeldJob message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.HeldJob.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified HeldJob message, length delimited. Does not implicitly {@link caroni.v1.HeldJob.verify|verify} messages.
             * @param message HeldJob message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.HeldJob.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HeldJob message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.HeldJob & caroni.v1.HeldJob.$Shape} HeldJob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.HeldJob & caroni.v1.HeldJob.$Shape;

            /**
             * Decodes a HeldJob message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.HeldJob & caroni.v1.HeldJob.$Shape} HeldJob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.HeldJob & caroni.v1.HeldJob.$Shape;

            /**
             * Verifies a HeldJob message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a HeldJob message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HeldJob
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.HeldJob;

            /**
             * Creates a plain object from a HeldJob message. Also converts values to other types if specified.
             * @param message HeldJob
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.HeldJob, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HeldJob to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for HeldJob
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace HeldJob {

            /** Properties of a HeldJob. */
            interface $Properties {

                /** HeldJob jobId */
                jobId?: (string|null);

                /** HeldJob ref */
                ref?: (caroni.v1.JobRef.$Properties|null);

                /** HeldJob attempt */
                attempt?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HeldJob. */
            type $Shape = caroni.v1.HeldJob.$Properties;
        }

        /**
         * Properties of a JobVerdicts.
         * @deprecated Use caroni.v1.JobVerdicts.$Properties instead.
         */
        interface IJobVerdicts extends caroni.v1.JobVerdicts.$Properties {
        }

        /** Represents a JobVerdicts. */
        class JobVerdicts {

            /**
             * Constructs a new JobVerdicts.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.JobVerdicts.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobVerdicts jobs. */
            jobs: caroni.v1.JobVerdict.$Properties[];

            /**
             * Creates a new JobVerdicts instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobVerdicts instance
             */
            static create(properties: caroni.v1.JobVerdicts.$Shape): caroni.v1.JobVerdicts & caroni.v1.JobVerdicts.$Shape;
            static create(properties?: caroni.v1.JobVerdicts.$Properties): caroni.v1.JobVerdicts;

            /**
             * Encodes the specified JobVerdicts message. Does not implicitly {@link caroni.v1.JobVerdicts.verify|verify} messages.
             * @param message JobVerdicts message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.JobVerdicts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified JobVerdicts message, length delimited. Does not implicitly {@link caroni.v1.JobVerdicts.verify|verify} messages.
             * @param message JobVerdicts message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.JobVerdicts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobVerdicts message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.JobVerdicts & caroni.v1.JobVerdicts.$Shape} JobVerdicts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.JobVerdicts & caroni.v1.JobVerdicts.$Shape;

            /**
             * Decodes a JobVerdicts message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.JobVerdicts & caroni.v1.JobVerdicts.$Shape} JobVerdicts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.JobVerdicts & caroni.v1.JobVerdicts.$Shape;

            /**
             * Verifies a JobVerdicts message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JobVerdicts message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobVerdicts
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.JobVerdicts;

            /**
             * Creates a plain object from a JobVerdicts message. Also converts values to other types if specified.
             * @param message JobVerdicts
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.JobVerdicts, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobVerdicts to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for JobVerdicts
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace JobVerdicts {

            /** Properties of a JobVerdicts. */
            interface $Properties {

                /** JobVerdicts jobs */
                jobs?: (caroni.v1.JobVerdict.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobVerdicts. */
            type $Shape = caroni.v1.JobVerdicts.$Properties;
        }

        /**
         * Properties of a JobVerdict.
         * @deprecated Use caroni.v1.JobVerdict.$Properties instead.
         */
        interface IJobVerdict extends caroni.v1.JobVerdict.$Properties {
        }

        /** Represents a JobVerdict. */
        class JobVerdict {

            /**
             * Constructs a new JobVerdict.
             * @param [properties] Properties to set
             */
            constructor(properties?: caroni.v1.JobVerdict.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobVerdict jobId. */
            jobId: string;

            /** JobVerdict ref. */
            ref?: (caroni.v1.JobRef.$Properties|null);

            /** JobVerdict state. */
            state: caroni.v1.JobVerdict.State;

            /** JobVerdict attempt. */
            attempt: number;

            /**
             * Creates a new JobVerdict instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobVerdict instance
             */
            static create(properties: caroni.v1.JobVerdict.$Shape): caroni.v1.JobVerdict & caroni.v1.JobVerdict.$Shape;
            static create(properties?: caroni.v1.JobVerdict.$Properties): caroni.v1.JobVerdict;

            /**
             * Encodes the specified JobVerdict message. Does not implicitly {@link caroni.v1.JobVerdict.verify|verify} messages.
             * @param message JobVerdict message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: caroni.v1.JobVerdict.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified JobVerdict message, length delimited. Does not implicitly {@link caroni.v1.JobVerdict.verify|verify} messages.
             * @param message JobVerdict message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: caroni.v1.JobVerdict.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobVerdict message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {caroni.v1.JobVerdict & caroni.v1.JobVerdict.$Shape} JobVerdict
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): caroni.v1.JobVerdict & caroni.v1.JobVerdict.$Shape;

            /**
             * Decodes a JobVerdict message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {caroni.v1.JobVerdict & caroni.v1.JobVerdict.$Shape} JobVerdict
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): caroni.v1.JobVerdict & caroni.v1.JobVerdict.$Shape;

            /**
             * Verifies a JobVerdict message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a JobVerdict message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobVerdict
             */
            static fromObject(object: { [k: string]: any }): caroni.v1.JobVerdict;

            /**
             * Creates a plain object from a JobVerdict message. Also converts values to other types if specified.
             * @param message JobVerdict
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: caroni.v1.JobVerdict, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobVerdict to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for JobVerdict
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace JobVerdict {

            /** Properties of a JobVerdict. */
            interface $Properties {

                /** JobVerdict jobId */
                jobId?: (string|null);

                /** JobVerdict ref */
                ref?: (caroni.v1.JobRef.$Properties|null);

                /** JobVerdict state */
                state?: (caroni.v1.JobVerdict.State|null);

                /** JobVerdict attempt */
                attempt?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobVerdict. */
            type $Shape = caroni.v1.JobVerdict.$Properties;

            /** State enum. */
            enum State {

                /** STATE_UNSPECIFIED value */
                STATE_UNSPECIFIED = 0,

                /** STATE_WAITING value */
                STATE_WAITING = 1,

                /** STATE_DONE value */
                STATE_DONE = 2,

                /** STATE_UNKNOWN value */
                STATE_UNKNOWN = 3
            }
        }
    }
}

/** Namespace google. */
export namespace google {

    /** Namespace protobuf. */
    namespace protobuf {

        /**
         * Properties of a Struct.
         * @deprecated Use google.protobuf.Struct.$Properties instead.
         */
        interface IStruct extends google.protobuf.Struct.$Properties {
        }

        /** Represents a Struct. */
        class Struct {

            /**
             * Constructs a new Struct.
             * @param [properties] Properties to set
             */
            constructor(properties?: google.protobuf.Struct.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Struct fields. */
            fields: { [k: string]: google.protobuf.Value.$Properties };

            /**
             * Creates a new Struct instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Struct instance
             */
            static create(properties: google.protobuf.Struct.$Shape): google.protobuf.Struct & google.protobuf.Struct.$Shape;
            static create(properties?: google.protobuf.Struct.$Properties): google.protobuf.Struct;

            /**
             * Encodes the specified Struct message. Does not implicitly {@link google.protobuf.Struct.verify|verify} messages.
             * @param message Struct message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: google.protobuf.Struct.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Struct message, length delimited. Does not implicitly {@link google.protobuf.Struct.verify|verify} messages.
             * @param message Struct message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: google.protobuf.Struct.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Struct message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {google.protobuf.Struct & google.protobuf.Struct.$Shape} Struct
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Struct & google.protobuf.Struct.$Shape;

            /**
             * Decodes a Struct message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {google.protobuf.Struct & google.protobuf.Struct.$Shape} Struct
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): google.protobuf.Struct & google.protobuf.Struct.$Shape;

            /**
             * Verifies a Struct message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Struct message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Struct
             */
            static fromObject(object: { [k: string]: any }): google.protobuf.Struct;

            /**
             * Creates a plain object from a Struct message. Also converts values to other types if specified.
             * @param message Struct
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: google.protobuf.Struct, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Struct to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Struct
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Struct {

            /** Properties of a Struct. */
            interface $Properties {

                /** Struct fields */
                fields?: ({ [k: string]: google.protobuf.Value.$Properties }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Struct. */
            type $Shape = {
              fields?: { [k: string]: google.protobuf.Value.$Shape }|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a Value.
         * @deprecated Use google.protobuf.Value.$Properties instead.
         */
        interface IValue extends google.protobuf.Value.$Properties {
        }

        /** Represents a Value. */
        class Value {

            /**
             * Constructs a new Value.
             * @param [properties] Properties to set
             */
            constructor(properties?: google.protobuf.Value.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Value nullValue. */
            nullValue?: (google.protobuf.NullValue|null);

            /** Value numberValue. */
            numberValue?: (number|null);

            /** Value stringValue. */
            stringValue?: (string|null);

            /** Value boolValue. */
            boolValue?: (boolean|null);

            /** Value structValue. */
            structValue?: (google.protobuf.Struct.$Properties|null);

            /** Value listValue. */
            listValue?: (google.protobuf.ListValue.$Properties|null);

            /** Value kind. */
            kind?: ("nullValue"|"numberValue"|"stringValue"|"boolValue"|"structValue"|"listValue");

            /**
             * Creates a new Value instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Value instance
             */
            static create(properties: google.protobuf.Value.$Shape): google.protobuf.Value & google.protobuf.Value.$Shape;
            static create(properties?: google.protobuf.Value.$Properties): google.protobuf.Value;

            /**
             * Encodes the specified Value message. Does not implicitly {@link google.protobuf.Value.verify|verify} messages.
             * @param message Value message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: google.protobuf.Value.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Value message, length delimited. Does not implicitly {@link google.protobuf.Value.verify|verify} messages.
             * @param message Value message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: google.protobuf.Value.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Value message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {google.protobuf.Value & google.protobuf.Value.$Shape} Value
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Value & google.protobuf.Value.$Shape;

            /**
             * Decodes a Value message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {google.protobuf.Value & google.protobuf.Value.$Shape} Value
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): google.protobuf.Value & google.protobuf.Value.$Shape;

            /**
             * Verifies a Value message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Value message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Value
             */
            static fromObject(object: { [k: string]: any }): google.protobuf.Value;

            /**
             * Creates a plain object from a Value message. Also converts values to other types if specified.
             * @param message Value
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: google.protobuf.Value, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Value to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Value
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Value {

            /** Properties of a Value. */
            interface $Properties {

                /** Value nullValue */
                nullValue?: (google.protobuf.NullValue|null);

                /** Value numberValue */
                numberValue?: (number|null);

                /** Value stringValue */
                stringValue?: (string|null);

                /** Value boolValue */
                boolValue?: (boolean|null);

                /** Value structValue */
                structValue?: (google.protobuf.Struct.$Properties|null);

                /** Value listValue */
                listValue?: (google.protobuf.ListValue.$Properties|null);

                /** Value kind */
                kind?: ("nullValue"|"numberValue"|"stringValue"|"boolValue"|"structValue"|"listValue");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Value. */
            type $Shape = {
              nullValue?: google.protobuf.NullValue|null;
              numberValue?: number|null;
              stringValue?: string|null;
              boolValue?: boolean|null;
              structValue?: google.protobuf.Struct.$Shape|null;
              listValue?: google.protobuf.ListValue.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; nullValue?: null; numberValue?: null; stringValue?: null; boolValue?: null; structValue?: null; listValue?: null }|{ kind?: "nullValue"; nullValue: google.protobuf.NullValue; numberValue?: null; stringValue?: null; boolValue?: null; structValue?: null; listValue?: null }|{ kind?: "numberValue"; nullValue?: null; numberValue: number; stringValue?: null; boolValue?: null; structValue?: null; listValue?: null }|{ kind?: "stringValue"; nullValue?: null; numberValue?: null; stringValue: string; boolValue?: null; structValue?: null; listValue?: null }|{ kind?: "boolValue"; nullValue?: null; numberValue?: null; stringValue?: null; boolValue: boolean; structValue?: null; listValue?: null }|{ kind?: "structValue"; nullValue?: null; numberValue?: null; stringValue?: null; boolValue?: null; structValue: google.protobuf.Struct.$Shape; listValue?: null }|{ kind?: "listValue"; nullValue?: null; numberValue?: null; stringValue?: null; boolValue?: null; structValue?: null; listValue: google.protobuf.ListValue.$Shape })
            );
        }

        /** NullValue enum. */
        enum NullValue {

            /** NULL_VALUE value */
            NULL_VALUE = 0
        }

        /**
         * Properties of a ListValue.
         * @deprecated Use google.protobuf.ListValue.$Properties instead.
         */
        interface IListValue extends google.protobuf.ListValue.$Properties {
        }

        /** Represents a ListValue. */
        class ListValue {

            /**
             * Constructs a new ListValue.
             * @param [properties] Properties to set
             */
            constructor(properties?: google.protobuf.ListValue.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ListValue values. */
            values: google.protobuf.Value.$Properties[];

            /**
             * Creates a new ListValue instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ListValue instance
             */
            static create(properties: google.protobuf.ListValue.$Shape): google.protobuf.ListValue & google.protobuf.ListValue.$Shape;
            static create(properties?: google.protobuf.ListValue.$Properties): google.protobuf.ListValue;

            /**
             * Encodes the specified ListValue message. Does not implicitly {@link google.protobuf.ListValue.verify|verify} messages.
             * @param message ListValue message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: google.protobuf.ListValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ListValue message, length delimited. Does not implicitly {@link google.protobuf.ListValue.verify|verify} messages.
             * @param message ListValue message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: google.protobuf.ListValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListValue message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {google.protobuf.ListValue & google.protobuf.ListValue.$Shape} ListValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.ListValue & google.protobuf.ListValue.$Shape;

            /**
             * Decodes a ListValue message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {google.protobuf.ListValue & google.protobuf.ListValue.$Shape} ListValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): google.protobuf.ListValue & google.protobuf.ListValue.$Shape;

            /**
             * Verifies a ListValue message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ListValue message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ListValue
             */
            static fromObject(object: { [k: string]: any }): google.protobuf.ListValue;

            /**
             * Creates a plain object from a ListValue message. Also converts values to other types if specified.
             * @param message ListValue
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: google.protobuf.ListValue, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ListValue to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ListValue
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ListValue {

            /** Properties of a ListValue. */
            interface $Properties {

                /** ListValue values */
                values?: (google.protobuf.Value.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ListValue. */
            type $Shape = {
              values?: google.protobuf.Value.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }
    }
}
