/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Array = $util.global.Array, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Boolean = $util.global.Boolean, $isFinite = $util.global.isFinite;

// Exported root namespace
const $root = $protobuf.roots["caroni"] || ($protobuf.roots["caroni"] = {});

export const caroni = $root.caroni = (() => {

    /**
     * Namespace caroni.
     * @exports caroni
     * @namespace
     */
    const caroni = {};

    caroni.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof caroni
         * @namespace
         */
        const v1 = {};

        v1.SignedEnvelope = (function() {

            /**
             * Properties of a SignedEnvelope.
             * @typedef {Object} caroni.v1.SignedEnvelope.$Properties
             * @property {Uint8Array|null} [payload] SignedEnvelope payload
             * @property {Uint8Array|null} [signature] SignedEnvelope signature
             * @property {Object.<string,string>|null} [headers] SignedEnvelope headers
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SignedEnvelope.
             * @memberof caroni.v1
             * @interface ISignedEnvelope
             * @augments caroni.v1.SignedEnvelope.$Properties
             * @deprecated Use caroni.v1.SignedEnvelope.$Properties instead.
             */

            /**
             * Shape of a SignedEnvelope.
             * @typedef {caroni.v1.SignedEnvelope.$Properties} caroni.v1.SignedEnvelope.$Shape
             */

            /**
             * Constructs a new SignedEnvelope.
             * @memberof caroni.v1
             * @classdesc Represents a SignedEnvelope.
             * @constructor
             * @param {caroni.v1.SignedEnvelope.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SignedEnvelope = function (properties) {
                this.headers = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SignedEnvelope payload.
             * @member {Uint8Array} payload
             * @memberof caroni.v1.SignedEnvelope
             * @instance
             */
            SignedEnvelope.prototype.payload = $util.newBuffer([]);

            /**
             * SignedEnvelope signature.
             * @member {Uint8Array} signature
             * @memberof caroni.v1.SignedEnvelope
             * @instance
             */
            SignedEnvelope.prototype.signature = $util.newBuffer([]);

            /**
             * SignedEnvelope headers.
             * @member {Object.<string,string>} headers
             * @memberof caroni.v1.SignedEnvelope
             * @instance
             */
            SignedEnvelope.prototype.headers = $util.emptyObject;

            /**
             * Creates a new SignedEnvelope instance using the specified properties.
             * @function create
             * @memberof caroni.v1.SignedEnvelope
             * @static
             * @param {caroni.v1.SignedEnvelope.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.SignedEnvelope} SignedEnvelope instance
             * @type {{
             *   (properties: caroni.v1.SignedEnvelope.$Shape): caroni.v1.SignedEnvelope & caroni.v1.SignedEnvelope.$Shape;
             *   (properties?: caroni.v1.SignedEnvelope.$Properties): caroni.v1.SignedEnvelope;
             * }}
             */
            SignedEnvelope.create = function(properties) {
                return new SignedEnvelope(properties);
            };

            /**
             * Encodes the specified SignedEnvelope message. Does not implicitly {@link caroni.v1.SignedEnvelope.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.SignedEnvelope
             * @static
             * @param {caroni.v1.SignedEnvelope.$Properties} message SignedEnvelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignedEnvelope.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.payload != null && $Object.hasOwnProperty.call(message, "payload") && message.payload.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.payload);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.signature);
                if (message.headers != null && $Object.hasOwnProperty.call(message, "headers"))
                    for (let keys = $Object.keys(message.headers), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.headers[keys[i]]).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified SignedEnvelope message, length delimited. Does not implicitly {@link caroni.v1.SignedEnvelope.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.SignedEnvelope
             * @static
             * @param {caroni.v1.SignedEnvelope.$Properties} message SignedEnvelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignedEnvelope.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SignedEnvelope message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.SignedEnvelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.SignedEnvelope & caroni.v1.SignedEnvelope.$Shape} SignedEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignedEnvelope.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.SignedEnvelope();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.payload = value;
                            else
                                delete message.payload;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (message.headers === $util.emptyObject)
                                message.headers = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.headers, key);
                            message.headers[key] = value;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a SignedEnvelope message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.SignedEnvelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.SignedEnvelope & caroni.v1.SignedEnvelope.$Shape} SignedEnvelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignedEnvelope.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SignedEnvelope message.
             * @function verify
             * @memberof caroni.v1.SignedEnvelope
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SignedEnvelope.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.payload != null && $Object.hasOwnProperty.call(message, "payload"))
                    if (!(message.payload && typeof message.payload.length === "number" || $util.isString(message.payload)))
                        return "payload: buffer expected";
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                    if (!(message.signature && typeof message.signature.length === "number" || $util.isString(message.signature)))
                        return "signature: buffer expected";
                if (message.headers != null && $Object.hasOwnProperty.call(message, "headers")) {
                    if (!$util.isObject(message.headers))
                        return "headers: object expected";
                    let key = $Object.keys(message.headers);
                    for (let i = 0; i < key.length; ++i)
                        if (!$util.isString(message.headers[key[i]]))
                            return "headers: string{k:string} expected";
                }
                return null;
            };

            /**
             * Creates a SignedEnvelope message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.SignedEnvelope
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.SignedEnvelope} SignedEnvelope
             */
            SignedEnvelope.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.SignedEnvelope)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.SignedEnvelope: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.SignedEnvelope();
                if (object.payload != null)
                    if (object.payload.length)
                        if (typeof object.payload === "string")
                            $util.base64.decode(object.payload, message.payload = $util.newBuffer($util.base64.length(object.payload)), 0);
                        else if (object.payload.length >= 0)
                            message.payload = object.payload;
                if (object.signature != null)
                    if (object.signature.length)
                        if (typeof object.signature === "string")
                            $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                        else if (object.signature.length >= 0)
                            message.signature = object.signature;
                if (object.headers) {
                    if (!$util.isObject(object.headers))
                        throw $TypeError(".caroni.v1.SignedEnvelope.headers: object expected");
                    message.headers = {};
                    for (let keys = $Object.keys(object.headers), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.headers, keys[i]);
                        message.headers[keys[i]] = $String(object.headers[keys[i]]);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a SignedEnvelope message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.SignedEnvelope
             * @static
             * @param {caroni.v1.SignedEnvelope} message SignedEnvelope
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SignedEnvelope.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.objects || options.defaults)
                    object.headers = {};
                if (options.defaults) {
                    if (options.bytes === $String)
                        object.payload = "";
                    else {
                        object.payload = [];
                        if (options.bytes !== $Array)
                            object.payload = $util.newBuffer(object.payload);
                    }
                    if (options.bytes === $String)
                        object.signature = "";
                    else {
                        object.signature = [];
                        if (options.bytes !== $Array)
                            object.signature = $util.newBuffer(object.signature);
                    }
                }
                if (message.payload != null && $Object.hasOwnProperty.call(message, "payload"))
                    object.payload = options.bytes === $String ? $util.base64.encode(message.payload, 0, message.payload.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.payload) : message.payload;
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                    object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
                let keys2;
                if (message.headers && (keys2 = $Object.keys(message.headers)).length) {
                    object.headers = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.headers, keys2[j]);
                        object.headers[keys2[j]] = message.headers[keys2[j]];
                    }
                }
                return object;
            };

            /**
             * Converts this SignedEnvelope to JSON.
             * @function toJSON
             * @memberof caroni.v1.SignedEnvelope
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SignedEnvelope.prototype.toJSON = function() {
                return SignedEnvelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SignedEnvelope
             * @function getTypeUrl
             * @memberof caroni.v1.SignedEnvelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SignedEnvelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.SignedEnvelope";
            };

            return SignedEnvelope;
        })();

        v1.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @typedef {Object} caroni.v1.Envelope.$Properties
             * @property {number|null} [protocolVersion] Envelope protocolVersion
             * @property {string|null} [id] Envelope id
             * @property {string|null} [sender] Envelope sender
             * @property {string|null} [keyId] Envelope keyId
             * @property {string|null} [recipient] Envelope recipient
             * @property {number|Long|null} [sentAtMs] Envelope sentAtMs
             * @property {caroni.v1.JobRequest.$Properties|null} [jobRequest] Envelope jobRequest
             * @property {caroni.v1.JobAccepted.$Properties|null} [jobAccepted] Envelope jobAccepted
             * @property {caroni.v1.JobProgress.$Properties|null} [jobProgress] Envelope jobProgress
             * @property {caroni.v1.JobResult.$Properties|null} [jobResult] Envelope jobResult
             * @property {caroni.v1.CancelJob.$Properties|null} [cancelJob] Envelope cancelJob
             * @property {caroni.v1.JobCancelled.$Properties|null} [jobCancelled] Envelope jobCancelled
             * @property {caroni.v1.JobRejected.$Properties|null} [jobRejected] Envelope jobRejected
             * @property {caroni.v1.AgentAnnouncement.$Properties|null} [agentAnnouncement] Envelope agentAnnouncement
             * @property {caroni.v1.ReconcileJobs.$Properties|null} [reconcileJobs] Envelope reconcileJobs
             * @property {caroni.v1.JobVerdicts.$Properties|null} [jobVerdicts] Envelope jobVerdicts
             * @property {"jobRequest"|"jobAccepted"|"jobProgress"|"jobResult"|"cancelJob"|"jobCancelled"|"jobRejected"|"agentAnnouncement"|"reconcileJobs"|"jobVerdicts"} [body] Envelope body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Envelope.
             * @memberof caroni.v1
             * @interface IEnvelope
             * @augments caroni.v1.Envelope.$Properties
             * @deprecated Use caroni.v1.Envelope.$Properties instead.
             */

            /**
             * Narrowed shape of an Envelope.
             * @typedef {{
             *   protocolVersion?: number|null;
             *   id?: string|null;
             *   sender?: string|null;
             *   keyId?: string|null;
             *   recipient?: string|null;
             *   sentAtMs?: number|Long|null;
             *   jobRequest?: caroni.v1.JobRequest.$Shape|null;
             *   jobAccepted?: caroni.v1.JobAccepted.$Shape|null;
             *   jobProgress?: caroni.v1.JobProgress.$Shape|null;
             *   jobResult?: caroni.v1.JobResult.$Shape|null;
             *   cancelJob?: caroni.v1.CancelJob.$Shape|null;
             *   jobCancelled?: caroni.v1.JobCancelled.$Shape|null;
             *   jobRejected?: caroni.v1.JobRejected.$Shape|null;
             *   agentAnnouncement?: caroni.v1.AgentAnnouncement.$Shape|null;
             *   reconcileJobs?: caroni.v1.ReconcileJobs.$Shape|null;
             *   jobVerdicts?: caroni.v1.JobVerdicts.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; jobRequest?: null; jobAccepted?: null; jobProgress?: null; jobResult?: null; cancelJob?: null; jobCancelled?: null; jobRejected?: null; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "jobRequest"; jobRequest: caroni.v1.JobRequest.$Shape; jobAccepted?: null; jobProgress?: null; jobResult?: null; cancelJob?: null; jobCancelled?: null; jobRejected?: null; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "jobAccepted"; jobRequest?: null; jobAccepted: caroni.v1.JobAccepted.$Shape; jobProgress?: null; jobResult?: null; cancelJob?: null; jobCancelled?: null; jobRejected?: null; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "jobProgress"; jobRequest?: null; jobAccepted?: null; jobProgress: caroni.v1.JobProgress.$Shape; jobResult?: null; cancelJob?: null; jobCancelled?: null; jobRejected?: null; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "jobResult"; jobRequest?: null; jobAccepted?: null; jobProgress?: null; jobResult: caroni.v1.JobResult.$Shape; cancelJob?: null; jobCancelled?: null; jobRejected?: null; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "cancelJob"; jobRequest?: null; jobAccepted?: null; jobProgress?: null; jobResult?: null; cancelJob: caroni.v1.CancelJob.$Shape; jobCancelled?: null; jobRejected?: null; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "jobCancelled"; jobRequest?: null; jobAccepted?: null; jobProgress?: null; jobResult?: null; cancelJob?: null; jobCancelled: caroni.v1.JobCancelled.$Shape; jobRejected?: null; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "jobRejected"; jobRequest?: null; jobAccepted?: null; jobProgress?: null; jobResult?: null; cancelJob?: null; jobCancelled?: null; jobRejected: caroni.v1.JobRejected.$Shape; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "agentAnnouncement"; jobRequest?: null; jobAccepted?: null; jobProgress?: null; jobResult?: null; cancelJob?: null; jobCancelled?: null; jobRejected?: null; agentAnnouncement: caroni.v1.AgentAnnouncement.$Shape; reconcileJobs?: null; jobVerdicts?: null }|{ body?: "reconcileJobs"; jobRequest?: null; jobAccepted?: null; jobProgress?: null; jobResult?: null; cancelJob?: null; jobCancelled?: null; jobRejected?: null; agentAnnouncement?: null; reconcileJobs: caroni.v1.ReconcileJobs.$Shape; jobVerdicts?: null }|{ body?: "jobVerdicts"; jobRequest?: null; jobAccepted?: null; jobProgress?: null; jobResult?: null; cancelJob?: null; jobCancelled?: null; jobRejected?: null; agentAnnouncement?: null; reconcileJobs?: null; jobVerdicts: caroni.v1.JobVerdicts.$Shape })
             * )} caroni.v1.Envelope.$Shape
             */

            /**
             * Constructs a new Envelope.
             * @memberof caroni.v1
             * @classdesc Represents an Envelope.
             * @constructor
             * @param {caroni.v1.Envelope.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Envelope = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Envelope protocolVersion.
             * @member {number} protocolVersion
             * @memberof caroni.v1.Envelope
             * @instance
             */
            Envelope.prototype.protocolVersion = 0;

            /**
             * Envelope id.
             * @member {string} id
             * @memberof caroni.v1.Envelope
             * @instance
             */
            Envelope.prototype.id = "";

            /**
             * Envelope sender.
             * @member {string} sender
             * @memberof caroni.v1.Envelope
             * @instance
             */
            Envelope.prototype.sender = "";

            /**
             * Envelope keyId.
             * @member {string} keyId
             * @memberof caroni.v1.Envelope
             * @instance
             */
            Envelope.prototype.keyId = "";

            /**
             * Envelope recipient.
             * @member {string} recipient
             * @memberof caroni.v1.Envelope
             * @instance
             */
            Envelope.prototype.recipient = "";

            /**
             * Envelope sentAtMs.
             * @member {number|Long} sentAtMs
             * @memberof caroni.v1.Envelope
             * @instance
             */
            Envelope.prototype.sentAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Envelope jobRequest.
             * @member {caroni.v1.JobRequest.$Properties|null|undefined} jobRequest
             * @memberof caroni.v1.Envelope
             * @instance
             */
            Envelope.prototype.jobRequest = null;

            /**
             * Envelope jobAccepted.
             * @member {caroni.v1.JobAccepted.$Properties|null|undefined} jobAccepted
             * @memberof caroni.v1.Envelope
             * @instance
             */
            Envelope.prototype.jobAccepted = null;

            /**
             * Envelope jobProgress.
             * @member {caroni.v1.JobProgress.$Properties|null|undefined} jobProgress
             * @memberof caroni.v1.Envelope
             * @instance
             */
            Envelope.prototype.jobProgress = null;

            /**
             * Envelope jobResult.
             * @member {caroni.v1.JobResult.$Properties|null|undefined} jobResult
             * @memberof caroni.v1.Envelope
             * @instance
             */
            Envelope.prototype.jobResult = null;

            /**
             * Envelope cancelJob.
             * @member {caroni.v1.CancelJob.$Properties|null|undefined} cancelJob
             * @memberof caroni.v1.Envelope
             * @instance
             */
            Envelope.prototype.cancelJob = null;

            /**
             * Envelope jobCancelled.
             * @member {caroni.v1.JobCancelled.$Properties|null|undefined} jobCancelled
             * @memberof caroni.v1.Envelope
             * @instance
             */
            Envelope.prototype.jobCancelled = null;

            /**
             * Envelope jobRejected.
             * @member {caroni.v1.JobRejected.$Properties|null|undefined} jobRejected
             * @memberof caroni.v1.Envelope
             * @instance
             */
            Envelope.prototype.jobRejected = null;

            /**
             * Envelope agentAnnouncement.
             * @member {caroni.v1.AgentAnnouncement.$Properties|null|undefined} agentAnnouncement
             * @memberof caroni.v1.Envelope
             * @instance
             */
            Envelope.prototype.agentAnnouncement = null;

            /**
             * Envelope reconcileJobs.
             * @member {caroni.v1.ReconcileJobs.$Properties|null|undefined} reconcileJobs
             * @memberof caroni.v1.Envelope
             * @instance
             */
            Envelope.prototype.reconcileJobs = null;

            /**
             * Envelope jobVerdicts.
             * @member {caroni.v1.JobVerdicts.$Properties|null|undefined} jobVerdicts
             * @memberof caroni.v1.Envelope
             * @instance
             */
            Envelope.prototype.jobVerdicts = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Envelope body.
             * @member {"jobRequest"|"jobAccepted"|"jobProgress"|"jobResult"|"cancelJob"|"jobCancelled"|"jobRejected"|"agentAnnouncement"|"reconcileJobs"|"jobVerdicts"|undefined} body
             * @memberof caroni.v1.Envelope
             * @instance
             */
            $Object.defineProperty(Envelope.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["jobRequest", "jobAccepted", "jobProgress", "jobResult", "cancelJob", "jobCancelled", "jobRejected", "agentAnnouncement", "reconcileJobs", "jobVerdicts"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Envelope instance using the specified properties.
             * @function create
             * @memberof caroni.v1.Envelope
             * @static
             * @param {caroni.v1.Envelope.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.Envelope} Envelope instance
             * @type {{
             *   (properties: caroni.v1.Envelope.$Shape): caroni.v1.Envelope & caroni.v1.Envelope.$Shape;
             *   (properties?: caroni.v1.Envelope.$Properties): caroni.v1.Envelope;
             * }}
             */
            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link caroni.v1.Envelope.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.Envelope
             * @static
             * @param {caroni.v1.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.protocolVersion);
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.id);
                if (message.sender != null && $Object.hasOwnProperty.call(message, "sender") && message.sender !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.sender);
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId") && message.keyId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.keyId);
                if (message.recipient != null && $Object.hasOwnProperty.call(message, "recipient") && message.recipient !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.recipient);
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs") && (typeof message.sentAtMs === "object" ? message.sentAtMs.low || message.sentAtMs.high : message.sentAtMs !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).int64(message.sentAtMs);
                if (message.jobRequest != null && $Object.hasOwnProperty.call(message, "jobRequest"))
                    $root.caroni.v1.JobRequest.encode(message.jobRequest, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.jobAccepted != null && $Object.hasOwnProperty.call(message, "jobAccepted"))
                    $root.caroni.v1.JobAccepted.encode(message.jobAccepted, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.jobProgress != null && $Object.hasOwnProperty.call(message, "jobProgress"))
                    $root.caroni.v1.JobProgress.encode(message.jobProgress, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                if (message.jobResult != null && $Object.hasOwnProperty.call(message, "jobResult"))
                    $root.caroni.v1.JobResult.encode(message.jobResult, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                if (message.cancelJob != null && $Object.hasOwnProperty.call(message, "cancelJob"))
                    $root.caroni.v1.CancelJob.encode(message.cancelJob, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                if (message.jobCancelled != null && $Object.hasOwnProperty.call(message, "jobCancelled"))
                    $root.caroni.v1.JobCancelled.encode(message.jobCancelled, writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
                if (message.jobRejected != null && $Object.hasOwnProperty.call(message, "jobRejected"))
                    $root.caroni.v1.JobRejected.encode(message.jobRejected, writer.uint32(/* id 16, wireType 2 =*/130).fork(), _depth + 1).ldelim();
                if (message.agentAnnouncement != null && $Object.hasOwnProperty.call(message, "agentAnnouncement"))
                    $root.caroni.v1.AgentAnnouncement.encode(message.agentAnnouncement, writer.uint32(/* id 17, wireType 2 =*/138).fork(), _depth + 1).ldelim();
                if (message.reconcileJobs != null && $Object.hasOwnProperty.call(message, "reconcileJobs"))
                    $root.caroni.v1.ReconcileJobs.encode(message.reconcileJobs, writer.uint32(/* id 18, wireType 2 =*/146).fork(), _depth + 1).ldelim();
                if (message.jobVerdicts != null && $Object.hasOwnProperty.call(message, "jobVerdicts"))
                    $root.caroni.v1.JobVerdicts.encode(message.jobVerdicts, writer.uint32(/* id 19, wireType 2 =*/154).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Envelope message, length delimited. Does not implicitly {@link caroni.v1.Envelope.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.Envelope
             * @static
             * @param {caroni.v1.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.Envelope & caroni.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.Envelope();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sender = value;
                            else
                                delete message.sender;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.keyId = value;
                            else
                                delete message.keyId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.recipient = value;
                            else
                                delete message.recipient;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.sentAtMs = value;
                            else
                                delete message.sentAtMs;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.jobRequest = $root.caroni.v1.JobRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.jobRequest);
                            message.body = "jobRequest";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.jobAccepted = $root.caroni.v1.JobAccepted.decode(reader, reader.size(), $undefined, _depth + 1, message.jobAccepted);
                            message.body = "jobAccepted";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.jobProgress = $root.caroni.v1.JobProgress.decode(reader, reader.size(), $undefined, _depth + 1, message.jobProgress);
                            message.body = "jobProgress";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.jobResult = $root.caroni.v1.JobResult.decode(reader, reader.size(), $undefined, _depth + 1, message.jobResult);
                            message.body = "jobResult";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            message.cancelJob = $root.caroni.v1.CancelJob.decode(reader, reader.size(), $undefined, _depth + 1, message.cancelJob);
                            message.body = "cancelJob";
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            message.jobCancelled = $root.caroni.v1.JobCancelled.decode(reader, reader.size(), $undefined, _depth + 1, message.jobCancelled);
                            message.body = "jobCancelled";
                            continue;
                        }
                    case 16: {
                            if (wireType !== 2)
                                break;
                            message.jobRejected = $root.caroni.v1.JobRejected.decode(reader, reader.size(), $undefined, _depth + 1, message.jobRejected);
                            message.body = "jobRejected";
                            continue;
                        }
                    case 17: {
                            if (wireType !== 2)
                                break;
                            message.agentAnnouncement = $root.caroni.v1.AgentAnnouncement.decode(reader, reader.size(), $undefined, _depth + 1, message.agentAnnouncement);
                            message.body = "agentAnnouncement";
                            continue;
                        }
                    case 18: {
                            if (wireType !== 2)
                                break;
                            message.reconcileJobs = $root.caroni.v1.ReconcileJobs.decode(reader, reader.size(), $undefined, _depth + 1, message.reconcileJobs);
                            message.body = "reconcileJobs";
                            continue;
                        }
                    case 19: {
                            if (wireType !== 2)
                                break;
                            message.jobVerdicts = $root.caroni.v1.JobVerdicts.decode(reader, reader.size(), $undefined, _depth + 1, message.jobVerdicts);
                            message.body = "jobVerdicts";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.Envelope & caroni.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Envelope message.
             * @function verify
             * @memberof caroni.v1.Envelope
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Envelope.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    if (!$util.isInteger(message.protocolVersion))
                        return "protocolVersion: integer expected";
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (!$util.isString(message.id))
                        return "id: string expected";
                if (message.sender != null && $Object.hasOwnProperty.call(message, "sender"))
                    if (!$util.isString(message.sender))
                        return "sender: string expected";
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId"))
                    if (!$util.isString(message.keyId))
                        return "keyId: string expected";
                if (message.recipient != null && $Object.hasOwnProperty.call(message, "recipient"))
                    if (!$util.isString(message.recipient))
                        return "recipient: string expected";
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs"))
                    if (!$util.isInteger(message.sentAtMs) && !(message.sentAtMs && $util.isInteger(message.sentAtMs.low) && $util.isInteger(message.sentAtMs.high)))
                        return "sentAtMs: integer|Long expected";
                if (message.jobRequest != null && $Object.hasOwnProperty.call(message, "jobRequest")) {
                    properties.body = 1;
                    {
                        let error = $root.caroni.v1.JobRequest.verify(message.jobRequest, _depth + 1);
                        if (error)
                            return "jobRequest." + error;
                    }
                }
                if (message.jobAccepted != null && $Object.hasOwnProperty.call(message, "jobAccepted")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.caroni.v1.JobAccepted.verify(message.jobAccepted, _depth + 1);
                        if (error)
                            return "jobAccepted." + error;
                    }
                }
                if (message.jobProgress != null && $Object.hasOwnProperty.call(message, "jobProgress")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.caroni.v1.JobProgress.verify(message.jobProgress, _depth + 1);
                        if (error)
                            return "jobProgress." + error;
                    }
                }
                if (message.jobResult != null && $Object.hasOwnProperty.call(message, "jobResult")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.caroni.v1.JobResult.verify(message.jobResult, _depth + 1);
                        if (error)
                            return "jobResult." + error;
                    }
                }
                if (message.cancelJob != null && $Object.hasOwnProperty.call(message, "cancelJob")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.caroni.v1.CancelJob.verify(message.cancelJob, _depth + 1);
                        if (error)
                            return "cancelJob." + error;
                    }
                }
                if (message.jobCancelled != null && $Object.hasOwnProperty.call(message, "jobCancelled")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.caroni.v1.JobCancelled.verify(message.jobCancelled, _depth + 1);
                        if (error)
                            return "jobCancelled." + error;
                    }
                }
                if (message.jobRejected != null && $Object.hasOwnProperty.call(message, "jobRejected")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.caroni.v1.JobRejected.verify(message.jobRejected, _depth + 1);
                        if (error)
                            return "jobRejected." + error;
                    }
                }
                if (message.agentAnnouncement != null && $Object.hasOwnProperty.call(message, "agentAnnouncement")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.caroni.v1.AgentAnnouncement.verify(message.agentAnnouncement, _depth + 1);
                        if (error)
                            return "agentAnnouncement." + error;
                    }
                }
                if (message.reconcileJobs != null && $Object.hasOwnProperty.call(message, "reconcileJobs")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.caroni.v1.ReconcileJobs.verify(message.reconcileJobs, _depth + 1);
                        if (error)
                            return "reconcileJobs." + error;
                    }
                }
                if (message.jobVerdicts != null && $Object.hasOwnProperty.call(message, "jobVerdicts")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.caroni.v1.JobVerdicts.verify(message.jobVerdicts, _depth + 1);
                        if (error)
                            return "jobVerdicts." + error;
                    }
                }
                return null;
            };

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.Envelope
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.Envelope} Envelope
             */
            Envelope.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.Envelope)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.Envelope: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.Envelope();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.id != null)
                    if (typeof object.id !== "string" || object.id.length)
                        message.id = $String(object.id);
                if (object.sender != null)
                    if (typeof object.sender !== "string" || object.sender.length)
                        message.sender = $String(object.sender);
                if (object.keyId != null)
                    if (typeof object.keyId !== "string" || object.keyId.length)
                        message.keyId = $String(object.keyId);
                if (object.recipient != null)
                    if (typeof object.recipient !== "string" || object.recipient.length)
                        message.recipient = $String(object.recipient);
                if (object.sentAtMs != null)
                    if (typeof object.sentAtMs === "object" ? object.sentAtMs.low || object.sentAtMs.high : $Number(object.sentAtMs) !== 0)
                        if ($util.Long)
                            message.sentAtMs = $util.Long.fromValue(object.sentAtMs, false);
                        else if (typeof object.sentAtMs === "string")
                            message.sentAtMs = $parseInt(object.sentAtMs, 10);
                        else if (typeof object.sentAtMs === "number")
                            message.sentAtMs = object.sentAtMs;
                        else if (typeof object.sentAtMs === "object")
                            message.sentAtMs = new $util.LongBits(object.sentAtMs.low >>> 0, object.sentAtMs.high >>> 0).toNumber();
                if (object.jobRequest != null) {
                    if (!$util.isObject(object.jobRequest))
                        throw $TypeError(".caroni.v1.Envelope.jobRequest: object expected");
                    message.jobRequest = $root.caroni.v1.JobRequest.fromObject(object.jobRequest, _depth + 1);
                }
                if (object.jobAccepted != null) {
                    if (!$util.isObject(object.jobAccepted))
                        throw $TypeError(".caroni.v1.Envelope.jobAccepted: object expected");
                    message.jobAccepted = $root.caroni.v1.JobAccepted.fromObject(object.jobAccepted, _depth + 1);
                }
                if (object.jobProgress != null) {
                    if (!$util.isObject(object.jobProgress))
                        throw $TypeError(".caroni.v1.Envelope.jobProgress: object expected");
                    message.jobProgress = $root.caroni.v1.JobProgress.fromObject(object.jobProgress, _depth + 1);
                }
                if (object.jobResult != null) {
                    if (!$util.isObject(object.jobResult))
                        throw $TypeError(".caroni.v1.Envelope.jobResult: object expected");
                    message.jobResult = $root.caroni.v1.JobResult.fromObject(object.jobResult, _depth + 1);
                }
                if (object.cancelJob != null) {
                    if (!$util.isObject(object.cancelJob))
                        throw $TypeError(".caroni.v1.Envelope.cancelJob: object expected");
                    message.cancelJob = $root.caroni.v1.CancelJob.fromObject(object.cancelJob, _depth + 1);
                }
                if (object.jobCancelled != null) {
                    if (!$util.isObject(object.jobCancelled))
                        throw $TypeError(".caroni.v1.Envelope.jobCancelled: object expected");
                    message.jobCancelled = $root.caroni.v1.JobCancelled.fromObject(object.jobCancelled, _depth + 1);
                }
                if (object.jobRejected != null) {
                    if (!$util.isObject(object.jobRejected))
                        throw $TypeError(".caroni.v1.Envelope.jobRejected: object expected");
                    message.jobRejected = $root.caroni.v1.JobRejected.fromObject(object.jobRejected, _depth + 1);
                }
                if (object.agentAnnouncement != null) {
                    if (!$util.isObject(object.agentAnnouncement))
                        throw $TypeError(".caroni.v1.Envelope.agentAnnouncement: object expected");
                    message.agentAnnouncement = $root.caroni.v1.AgentAnnouncement.fromObject(object.agentAnnouncement, _depth + 1);
                }
                if (object.reconcileJobs != null) {
                    if (!$util.isObject(object.reconcileJobs))
                        throw $TypeError(".caroni.v1.Envelope.reconcileJobs: object expected");
                    message.reconcileJobs = $root.caroni.v1.ReconcileJobs.fromObject(object.reconcileJobs, _depth + 1);
                }
                if (object.jobVerdicts != null) {
                    if (!$util.isObject(object.jobVerdicts))
                        throw $TypeError(".caroni.v1.Envelope.jobVerdicts: object expected");
                    message.jobVerdicts = $root.caroni.v1.JobVerdicts.fromObject(object.jobVerdicts, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.Envelope
             * @static
             * @param {caroni.v1.Envelope} message Envelope
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Envelope.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.id = "";
                    object.sender = "";
                    object.keyId = "";
                    object.recipient = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.sentAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sentAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.sender != null && $Object.hasOwnProperty.call(message, "sender"))
                    object.sender = message.sender;
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId"))
                    object.keyId = message.keyId;
                if (message.recipient != null && $Object.hasOwnProperty.call(message, "recipient"))
                    object.recipient = message.recipient;
                if (message.sentAtMs != null && $Object.hasOwnProperty.call(message, "sentAtMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sentAtMs = typeof message.sentAtMs === "number" ? $BigInt(message.sentAtMs) : $util.Long.fromBits(message.sentAtMs.low >>> 0, message.sentAtMs.high >>> 0, false).toBigInt();
                    else if (typeof message.sentAtMs === "number")
                        object.sentAtMs = options.longs === $String ? $String(message.sentAtMs) : message.sentAtMs;
                    else
                        object.sentAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.sentAtMs) : options.longs === $Number ? new $util.LongBits(message.sentAtMs.low >>> 0, message.sentAtMs.high >>> 0).toNumber() : message.sentAtMs;
                if (message.jobRequest != null && $Object.hasOwnProperty.call(message, "jobRequest")) {
                    object.jobRequest = $root.caroni.v1.JobRequest.toObject(message.jobRequest, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "jobRequest";
                }
                if (message.jobAccepted != null && $Object.hasOwnProperty.call(message, "jobAccepted")) {
                    object.jobAccepted = $root.caroni.v1.JobAccepted.toObject(message.jobAccepted, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "jobAccepted";
                }
                if (message.jobProgress != null && $Object.hasOwnProperty.call(message, "jobProgress")) {
                    object.jobProgress = $root.caroni.v1.JobProgress.toObject(message.jobProgress, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "jobProgress";
                }
                if (message.jobResult != null && $Object.hasOwnProperty.call(message, "jobResult")) {
                    object.jobResult = $root.caroni.v1.JobResult.toObject(message.jobResult, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "jobResult";
                }
                if (message.cancelJob != null && $Object.hasOwnProperty.call(message, "cancelJob")) {
                    object.cancelJob = $root.caroni.v1.CancelJob.toObject(message.cancelJob, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "cancelJob";
                }
                if (message.jobCancelled != null && $Object.hasOwnProperty.call(message, "jobCancelled")) {
                    object.jobCancelled = $root.caroni.v1.JobCancelled.toObject(message.jobCancelled, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "jobCancelled";
                }
                if (message.jobRejected != null && $Object.hasOwnProperty.call(message, "jobRejected")) {
                    object.jobRejected = $root.caroni.v1.JobRejected.toObject(message.jobRejected, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "jobRejected";
                }
                if (message.agentAnnouncement != null && $Object.hasOwnProperty.call(message, "agentAnnouncement")) {
                    object.agentAnnouncement = $root.caroni.v1.AgentAnnouncement.toObject(message.agentAnnouncement, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "agentAnnouncement";
                }
                if (message.reconcileJobs != null && $Object.hasOwnProperty.call(message, "reconcileJobs")) {
                    object.reconcileJobs = $root.caroni.v1.ReconcileJobs.toObject(message.reconcileJobs, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "reconcileJobs";
                }
                if (message.jobVerdicts != null && $Object.hasOwnProperty.call(message, "jobVerdicts")) {
                    object.jobVerdicts = $root.caroni.v1.JobVerdicts.toObject(message.jobVerdicts, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "jobVerdicts";
                }
                return object;
            };

            /**
             * Converts this Envelope to JSON.
             * @function toJSON
             * @memberof caroni.v1.Envelope
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Envelope.prototype.toJSON = function() {
                return Envelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Envelope
             * @function getTypeUrl
             * @memberof caroni.v1.Envelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Envelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.Envelope";
            };

            return Envelope;
        })();

        v1.JobRef = (function() {

            /**
             * Properties of a JobRef.
             * @typedef {Object} caroni.v1.JobRef.$Properties
             * @property {string|null} [manager] JobRef manager
             * @property {string|null} [namespace] JobRef namespace
             * @property {string|null} [workflowId] JobRef workflowId
             * @property {string|null} [runId] JobRef runId
             * @property {string|null} [stepId] JobRef stepId
             * @property {number|null} [generation] JobRef generation
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JobRef.
             * @memberof caroni.v1
             * @interface IJobRef
             * @augments caroni.v1.JobRef.$Properties
             * @deprecated Use caroni.v1.JobRef.$Properties instead.
             */

            /**
             * Shape of a JobRef.
             * @typedef {caroni.v1.JobRef.$Properties} caroni.v1.JobRef.$Shape
             */

            /**
             * Constructs a new JobRef.
             * @memberof caroni.v1
             * @classdesc Represents a JobRef.
             * @constructor
             * @param {caroni.v1.JobRef.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JobRef = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JobRef manager.
             * @member {string} manager
             * @memberof caroni.v1.JobRef
             * @instance
             */
            JobRef.prototype.manager = "";

            /**
             * JobRef namespace.
             * @member {string} namespace
             * @memberof caroni.v1.JobRef
             * @instance
             */
            JobRef.prototype.namespace = "";

            /**
             * JobRef workflowId.
             * @member {string} workflowId
             * @memberof caroni.v1.JobRef
             * @instance
             */
            JobRef.prototype.workflowId = "";

            /**
             * JobRef runId.
             * @member {string} runId
             * @memberof caroni.v1.JobRef
             * @instance
             */
            JobRef.prototype.runId = "";

            /**
             * JobRef stepId.
             * @member {string} stepId
             * @memberof caroni.v1.JobRef
             * @instance
             */
            JobRef.prototype.stepId = "";

            /**
             * JobRef generation.
             * @member {number} generation
             * @memberof caroni.v1.JobRef
             * @instance
             */
            JobRef.prototype.generation = 0;

            /**
             * Creates a new JobRef instance using the specified properties.
             * @function create
             * @memberof caroni.v1.JobRef
             * @static
             * @param {caroni.v1.JobRef.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.JobRef} JobRef instance
             * @type {{
             *   (properties: caroni.v1.JobRef.$Shape): caroni.v1.JobRef & caroni.v1.JobRef.$Shape;
             *   (properties?: caroni.v1.JobRef.$Properties): caroni.v1.JobRef;
             * }}
             */
            JobRef.create = function(properties) {
                return new JobRef(properties);
            };

            /**
             * Encodes the specified JobRef message. Does not implicitly {@link caroni.v1.JobRef.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.JobRef
             * @static
             * @param {caroni.v1.JobRef.$Properties} message JobRef message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobRef.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.manager != null && $Object.hasOwnProperty.call(message, "manager") && message.manager !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.manager);
                if (message.namespace != null && $Object.hasOwnProperty.call(message, "namespace") && message.namespace !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.namespace);
                if (message.workflowId != null && $Object.hasOwnProperty.call(message, "workflowId") && message.workflowId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.workflowId);
                if (message.runId != null && $Object.hasOwnProperty.call(message, "runId") && message.runId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.runId);
                if (message.stepId != null && $Object.hasOwnProperty.call(message, "stepId") && message.stepId !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.stepId);
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation") && message.generation !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.generation);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified JobRef message, length delimited. Does not implicitly {@link caroni.v1.JobRef.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.JobRef
             * @static
             * @param {caroni.v1.JobRef.$Properties} message JobRef message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobRef.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a JobRef message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.JobRef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.JobRef & caroni.v1.JobRef.$Shape} JobRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobRef.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.JobRef();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.manager = value;
                            else
                                delete message.manager;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.namespace = value;
                            else
                                delete message.namespace;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workflowId = value;
                            else
                                delete message.workflowId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.runId = value;
                            else
                                delete message.runId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.stepId = value;
                            else
                                delete message.stepId;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.generation = value;
                            else
                                delete message.generation;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a JobRef message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.JobRef
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.JobRef & caroni.v1.JobRef.$Shape} JobRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobRef.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a JobRef message.
             * @function verify
             * @memberof caroni.v1.JobRef
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JobRef.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.manager != null && $Object.hasOwnProperty.call(message, "manager"))
                    if (!$util.isString(message.manager))
                        return "manager: string expected";
                if (message.namespace != null && $Object.hasOwnProperty.call(message, "namespace"))
                    if (!$util.isString(message.namespace))
                        return "namespace: string expected";
                if (message.workflowId != null && $Object.hasOwnProperty.call(message, "workflowId"))
                    if (!$util.isString(message.workflowId))
                        return "workflowId: string expected";
                if (message.runId != null && $Object.hasOwnProperty.call(message, "runId"))
                    if (!$util.isString(message.runId))
                        return "runId: string expected";
                if (message.stepId != null && $Object.hasOwnProperty.call(message, "stepId"))
                    if (!$util.isString(message.stepId))
                        return "stepId: string expected";
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation"))
                    if (!$util.isInteger(message.generation))
                        return "generation: integer expected";
                return null;
            };

            /**
             * Creates a JobRef message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.JobRef
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.JobRef} JobRef
             */
            JobRef.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.JobRef)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.JobRef: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.JobRef();
                if (object.manager != null)
                    if (typeof object.manager !== "string" || object.manager.length)
                        message.manager = $String(object.manager);
                if (object.namespace != null)
                    if (typeof object.namespace !== "string" || object.namespace.length)
                        message.namespace = $String(object.namespace);
                if (object.workflowId != null)
                    if (typeof object.workflowId !== "string" || object.workflowId.length)
                        message.workflowId = $String(object.workflowId);
                if (object.runId != null)
                    if (typeof object.runId !== "string" || object.runId.length)
                        message.runId = $String(object.runId);
                if (object.stepId != null)
                    if (typeof object.stepId !== "string" || object.stepId.length)
                        message.stepId = $String(object.stepId);
                if (object.generation != null)
                    if ($Number(object.generation) !== 0)
                        message.generation = object.generation >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a JobRef message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.JobRef
             * @static
             * @param {caroni.v1.JobRef} message JobRef
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JobRef.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.manager = "";
                    object.namespace = "";
                    object.workflowId = "";
                    object.runId = "";
                    object.stepId = "";
                    object.generation = 0;
                }
                if (message.manager != null && $Object.hasOwnProperty.call(message, "manager"))
                    object.manager = message.manager;
                if (message.namespace != null && $Object.hasOwnProperty.call(message, "namespace"))
                    object.namespace = message.namespace;
                if (message.workflowId != null && $Object.hasOwnProperty.call(message, "workflowId"))
                    object.workflowId = message.workflowId;
                if (message.runId != null && $Object.hasOwnProperty.call(message, "runId"))
                    object.runId = message.runId;
                if (message.stepId != null && $Object.hasOwnProperty.call(message, "stepId"))
                    object.stepId = message.stepId;
                if (message.generation != null && $Object.hasOwnProperty.call(message, "generation"))
                    object.generation = message.generation;
                return object;
            };

            /**
             * Converts this JobRef to JSON.
             * @function toJSON
             * @memberof caroni.v1.JobRef
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JobRef.prototype.toJSON = function() {
                return JobRef.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for JobRef
             * @function getTypeUrl
             * @memberof caroni.v1.JobRef
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            JobRef.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.JobRef";
            };

            return JobRef;
        })();

        v1.JobRequest = (function() {

            /**
             * Properties of a JobRequest.
             * @typedef {Object} caroni.v1.JobRequest.$Properties
             * @property {string|null} [jobId] JobRequest jobId
             * @property {caroni.v1.JobRef.$Properties|null} [ref] JobRequest ref
             * @property {number|null} [attempt] JobRequest attempt
             * @property {string|null} [jobType] JobRequest jobType
             * @property {google.protobuf.Struct.$Properties|null} [parameters] JobRequest parameters
             * @property {number|Long|null} [queueDeadlineMs] JobRequest queueDeadlineMs
             * @property {number|null} [runTimeoutMs] JobRequest runTimeoutMs
             * @property {number|null} [progressIntervalMs] JobRequest progressIntervalMs
             * @property {string|null} [idempotencyKey] JobRequest idempotencyKey
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JobRequest.
             * @memberof caroni.v1
             * @interface IJobRequest
             * @augments caroni.v1.JobRequest.$Properties
             * @deprecated Use caroni.v1.JobRequest.$Properties instead.
             */

            /**
             * Shape of a JobRequest.
             * @typedef {{
             *   jobId?: string|null;
             *   ref?: caroni.v1.JobRef.$Shape|null;
             *   attempt?: number|null;
             *   jobType?: string|null;
             *   parameters?: google.protobuf.Struct.$Shape|null;
             *   queueDeadlineMs?: number|Long|null;
             *   runTimeoutMs?: number|null;
             *   progressIntervalMs?: number|null;
             *   idempotencyKey?: string|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} caroni.v1.JobRequest.$Shape
             */

            /**
             * Constructs a new JobRequest.
             * @memberof caroni.v1
             * @classdesc Represents a JobRequest.
             * @constructor
             * @param {caroni.v1.JobRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JobRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JobRequest jobId.
             * @member {string} jobId
             * @memberof caroni.v1.JobRequest
             * @instance
             */
            JobRequest.prototype.jobId = "";

            /**
             * JobRequest ref.
             * @member {caroni.v1.JobRef.$Properties|null|undefined} ref
             * @memberof caroni.v1.JobRequest
             * @instance
             */
            JobRequest.prototype.ref = null;

            /**
             * JobRequest attempt.
             * @member {number} attempt
             * @memberof caroni.v1.JobRequest
             * @instance
             */
            JobRequest.prototype.attempt = 0;

            /**
             * JobRequest jobType.
             * @member {string} jobType
             * @memberof caroni.v1.JobRequest
             * @instance
             */
            JobRequest.prototype.jobType = "";

            /**
             * JobRequest parameters.
             * @member {google.protobuf.Struct.$Properties|null|undefined} parameters
             * @memberof caroni.v1.JobRequest
             * @instance
             */
            JobRequest.prototype.parameters = null;

            /**
             * JobRequest queueDeadlineMs.
             * @member {number|Long} queueDeadlineMs
             * @memberof caroni.v1.JobRequest
             * @instance
             */
            JobRequest.prototype.queueDeadlineMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * JobRequest runTimeoutMs.
             * @member {number} runTimeoutMs
             * @memberof caroni.v1.JobRequest
             * @instance
             */
            JobRequest.prototype.runTimeoutMs = 0;

            /**
             * JobRequest progressIntervalMs.
             * @member {number} progressIntervalMs
             * @memberof caroni.v1.JobRequest
             * @instance
             */
            JobRequest.prototype.progressIntervalMs = 0;

            /**
             * JobRequest idempotencyKey.
             * @member {string} idempotencyKey
             * @memberof caroni.v1.JobRequest
             * @instance
             */
            JobRequest.prototype.idempotencyKey = "";

            /**
             * Creates a new JobRequest instance using the specified properties.
             * @function create
             * @memberof caroni.v1.JobRequest
             * @static
             * @param {caroni.v1.JobRequest.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.JobRequest} JobRequest instance
             * @type {{
             *   (properties: caroni.v1.JobRequest.$Shape): caroni.v1.JobRequest & caroni.v1.JobRequest.$Shape;
             *   (properties?: caroni.v1.JobRequest.$Properties): caroni.v1.JobRequest;
             * }}
             */
            JobRequest.create = function(properties) {
                return new JobRequest(properties);
            };

            /**
             * Encodes the specified JobRequest message. Does not implicitly {@link caroni.v1.JobRequest.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.JobRequest
             * @static
             * @param {caroni.v1.JobRequest.$Properties} message JobRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.jobId);
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    $root.caroni.v1.JobRef.encode(message.ref, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt") && message.attempt !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.attempt);
                if (message.jobType != null && $Object.hasOwnProperty.call(message, "jobType") && message.jobType !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.jobType);
                if (message.parameters != null && $Object.hasOwnProperty.call(message, "parameters"))
                    $root.google.protobuf.Struct.encode(message.parameters, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.queueDeadlineMs != null && $Object.hasOwnProperty.call(message, "queueDeadlineMs") && (typeof message.queueDeadlineMs === "object" ? message.queueDeadlineMs.low || message.queueDeadlineMs.high : message.queueDeadlineMs !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).int64(message.queueDeadlineMs);
                if (message.runTimeoutMs != null && $Object.hasOwnProperty.call(message, "runTimeoutMs") && message.runTimeoutMs !== 0)
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.runTimeoutMs);
                if (message.progressIntervalMs != null && $Object.hasOwnProperty.call(message, "progressIntervalMs") && message.progressIntervalMs !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.progressIntervalMs);
                if (message.idempotencyKey != null && $Object.hasOwnProperty.call(message, "idempotencyKey") && message.idempotencyKey !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.idempotencyKey);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified JobRequest message, length delimited. Does not implicitly {@link caroni.v1.JobRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.JobRequest
             * @static
             * @param {caroni.v1.JobRequest.$Properties} message JobRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a JobRequest message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.JobRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.JobRequest & caroni.v1.JobRequest.$Shape} JobRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.JobRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.jobId = value;
                            else
                                delete message.jobId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.ref = $root.caroni.v1.JobRef.decode(reader, reader.size(), $undefined, _depth + 1, message.ref);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.attempt = value;
                            else
                                delete message.attempt;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.jobType = value;
                            else
                                delete message.jobType;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.parameters = $root.google.protobuf.Struct.decode(reader, reader.size(), $undefined, _depth + 1, message.parameters);
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.queueDeadlineMs = value;
                            else
                                delete message.queueDeadlineMs;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.runTimeoutMs = value;
                            else
                                delete message.runTimeoutMs;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.progressIntervalMs = value;
                            else
                                delete message.progressIntervalMs;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.idempotencyKey = value;
                            else
                                delete message.idempotencyKey;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a JobRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.JobRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.JobRequest & caroni.v1.JobRequest.$Shape} JobRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a JobRequest message.
             * @function verify
             * @memberof caroni.v1.JobRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JobRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    if (!$util.isString(message.jobId))
                        return "jobId: string expected";
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref")) {
                    let error = $root.caroni.v1.JobRef.verify(message.ref, _depth + 1);
                    if (error)
                        return "ref." + error;
                }
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    if (!$util.isInteger(message.attempt))
                        return "attempt: integer expected";
                if (message.jobType != null && $Object.hasOwnProperty.call(message, "jobType"))
                    if (!$util.isString(message.jobType))
                        return "jobType: string expected";
                if (message.parameters != null && $Object.hasOwnProperty.call(message, "parameters")) {
                    let error = $root.google.protobuf.Struct.verify(message.parameters, _depth + 1);
                    if (error)
                        return "parameters." + error;
                }
                if (message.queueDeadlineMs != null && $Object.hasOwnProperty.call(message, "queueDeadlineMs"))
                    if (!$util.isInteger(message.queueDeadlineMs) && !(message.queueDeadlineMs && $util.isInteger(message.queueDeadlineMs.low) && $util.isInteger(message.queueDeadlineMs.high)))
                        return "queueDeadlineMs: integer|Long expected";
                if (message.runTimeoutMs != null && $Object.hasOwnProperty.call(message, "runTimeoutMs"))
                    if (!$util.isInteger(message.runTimeoutMs))
                        return "runTimeoutMs: integer expected";
                if (message.progressIntervalMs != null && $Object.hasOwnProperty.call(message, "progressIntervalMs"))
                    if (!$util.isInteger(message.progressIntervalMs))
                        return "progressIntervalMs: integer expected";
                if (message.idempotencyKey != null && $Object.hasOwnProperty.call(message, "idempotencyKey"))
                    if (!$util.isString(message.idempotencyKey))
                        return "idempotencyKey: string expected";
                return null;
            };

            /**
             * Creates a JobRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.JobRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.JobRequest} JobRequest
             */
            JobRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.JobRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.JobRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.JobRequest();
                if (object.jobId != null)
                    if (typeof object.jobId !== "string" || object.jobId.length)
                        message.jobId = $String(object.jobId);
                if (object.ref != null) {
                    if (!$util.isObject(object.ref))
                        throw $TypeError(".caroni.v1.JobRequest.ref: object expected");
                    message.ref = $root.caroni.v1.JobRef.fromObject(object.ref, _depth + 1);
                }
                if (object.attempt != null)
                    if ($Number(object.attempt) !== 0)
                        message.attempt = object.attempt >>> 0;
                if (object.jobType != null)
                    if (typeof object.jobType !== "string" || object.jobType.length)
                        message.jobType = $String(object.jobType);
                if (object.parameters != null) {
                    if (!$util.isObject(object.parameters))
                        throw $TypeError(".caroni.v1.JobRequest.parameters: object expected");
                    message.parameters = $root.google.protobuf.Struct.fromObject(object.parameters, _depth + 1);
                }
                if (object.queueDeadlineMs != null)
                    if (typeof object.queueDeadlineMs === "object" ? object.queueDeadlineMs.low || object.queueDeadlineMs.high : $Number(object.queueDeadlineMs) !== 0)
                        if ($util.Long)
                            message.queueDeadlineMs = $util.Long.fromValue(object.queueDeadlineMs, false);
                        else if (typeof object.queueDeadlineMs === "string")
                            message.queueDeadlineMs = $parseInt(object.queueDeadlineMs, 10);
                        else if (typeof object.queueDeadlineMs === "number")
                            message.queueDeadlineMs = object.queueDeadlineMs;
                        else if (typeof object.queueDeadlineMs === "object")
                            message.queueDeadlineMs = new $util.LongBits(object.queueDeadlineMs.low >>> 0, object.queueDeadlineMs.high >>> 0).toNumber();
                if (object.runTimeoutMs != null)
                    if ($Number(object.runTimeoutMs) !== 0)
                        message.runTimeoutMs = object.runTimeoutMs >>> 0;
                if (object.progressIntervalMs != null)
                    if ($Number(object.progressIntervalMs) !== 0)
                        message.progressIntervalMs = object.progressIntervalMs >>> 0;
                if (object.idempotencyKey != null)
                    if (typeof object.idempotencyKey !== "string" || object.idempotencyKey.length)
                        message.idempotencyKey = $String(object.idempotencyKey);
                return message;
            };

            /**
             * Creates a plain object from a JobRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.JobRequest
             * @static
             * @param {caroni.v1.JobRequest} message JobRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JobRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.jobId = "";
                    object.ref = null;
                    object.attempt = 0;
                    object.jobType = "";
                    object.parameters = null;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.queueDeadlineMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.queueDeadlineMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.runTimeoutMs = 0;
                    object.progressIntervalMs = 0;
                    object.idempotencyKey = "";
                }
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    object.jobId = message.jobId;
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    object.ref = $root.caroni.v1.JobRef.toObject(message.ref, options, _depth + 1);
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    object.attempt = message.attempt;
                if (message.jobType != null && $Object.hasOwnProperty.call(message, "jobType"))
                    object.jobType = message.jobType;
                if (message.parameters != null && $Object.hasOwnProperty.call(message, "parameters"))
                    object.parameters = $root.google.protobuf.Struct.toObject(message.parameters, options, _depth + 1);
                if (message.queueDeadlineMs != null && $Object.hasOwnProperty.call(message, "queueDeadlineMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.queueDeadlineMs = typeof message.queueDeadlineMs === "number" ? $BigInt(message.queueDeadlineMs) : $util.Long.fromBits(message.queueDeadlineMs.low >>> 0, message.queueDeadlineMs.high >>> 0, false).toBigInt();
                    else if (typeof message.queueDeadlineMs === "number")
                        object.queueDeadlineMs = options.longs === $String ? $String(message.queueDeadlineMs) : message.queueDeadlineMs;
                    else
                        object.queueDeadlineMs = options.longs === $String ? $util.Long.prototype.toString.call(message.queueDeadlineMs) : options.longs === $Number ? new $util.LongBits(message.queueDeadlineMs.low >>> 0, message.queueDeadlineMs.high >>> 0).toNumber() : message.queueDeadlineMs;
                if (message.runTimeoutMs != null && $Object.hasOwnProperty.call(message, "runTimeoutMs"))
                    object.runTimeoutMs = message.runTimeoutMs;
                if (message.progressIntervalMs != null && $Object.hasOwnProperty.call(message, "progressIntervalMs"))
                    object.progressIntervalMs = message.progressIntervalMs;
                if (message.idempotencyKey != null && $Object.hasOwnProperty.call(message, "idempotencyKey"))
                    object.idempotencyKey = message.idempotencyKey;
                return object;
            };

            /**
             * Converts this JobRequest to JSON.
             * @function toJSON
             * @memberof caroni.v1.JobRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JobRequest.prototype.toJSON = function() {
                return JobRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for JobRequest
             * @function getTypeUrl
             * @memberof caroni.v1.JobRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            JobRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.JobRequest";
            };

            return JobRequest;
        })();

        v1.JobAccepted = (function() {

            /**
             * Properties of a JobAccepted.
             * @typedef {Object} caroni.v1.JobAccepted.$Properties
             * @property {string|null} [jobId] JobAccepted jobId
             * @property {caroni.v1.JobRef.$Properties|null} [ref] JobAccepted ref
             * @property {number|null} [attempt] JobAccepted attempt
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JobAccepted.
             * @memberof caroni.v1
             * @interface IJobAccepted
             * @augments caroni.v1.JobAccepted.$Properties
             * @deprecated Use caroni.v1.JobAccepted.$Properties instead.
             */

            /**
             * Shape of a JobAccepted.
             * @typedef {caroni.v1.JobAccepted.$Properties} caroni.v1.JobAccepted.$Shape
             */

            /**
             * Constructs a new JobAccepted.
             * @memberof caroni.v1
             * @classdesc Represents a JobAccepted.
             * @constructor
             * @param {caroni.v1.JobAccepted.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JobAccepted = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JobAccepted jobId.
             * @member {string} jobId
             * @memberof caroni.v1.JobAccepted
             * @instance
             */
            JobAccepted.prototype.jobId = "";

            /**
             * JobAccepted ref.
             * @member {caroni.v1.JobRef.$Properties|null|undefined} ref
             * @memberof caroni.v1.JobAccepted
             * @instance
             */
            JobAccepted.prototype.ref = null;

            /**
             * JobAccepted attempt.
             * @member {number} attempt
             * @memberof caroni.v1.JobAccepted
             * @instance
             */
            JobAccepted.prototype.attempt = 0;

            /**
             * Creates a new JobAccepted instance using the specified properties.
             * @function create
             * @memberof caroni.v1.JobAccepted
             * @static
             * @param {caroni.v1.JobAccepted.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.JobAccepted} JobAccepted instance
             * @type {{
             *   (properties: caroni.v1.JobAccepted.$Shape): caroni.v1.JobAccepted & caroni.v1.JobAccepted.$Shape;
             *   (properties?: caroni.v1.JobAccepted.$Properties): caroni.v1.JobAccepted;
             * }}
             */
            JobAccepted.create = function(properties) {
                return new JobAccepted(properties);
            };

            /**
             * Encodes the specified JobAccepted message. Does not implicitly {@link caroni.v1.JobAccepted.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.JobAccepted
             * @static
             * @param {caroni.v1.JobAccepted.$Properties} message JobAccepted message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobAccepted.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.jobId);
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    $root.caroni.v1.JobRef.encode(message.ref, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt") && message.attempt !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.attempt);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified JobAccepted message, length delimited. Does not implicitly {@link caroni.v1.JobAccepted.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.JobAccepted
             * @static
             * @param {caroni.v1.JobAccepted.$Properties} message JobAccepted message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobAccepted.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a JobAccepted message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.JobAccepted
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.JobAccepted & caroni.v1.JobAccepted.$Shape} JobAccepted
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobAccepted.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.JobAccepted();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.jobId = value;
                            else
                                delete message.jobId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.ref = $root.caroni.v1.JobRef.decode(reader, reader.size(), $undefined, _depth + 1, message.ref);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.attempt = value;
                            else
                                delete message.attempt;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a JobAccepted message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.JobAccepted
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.JobAccepted & caroni.v1.JobAccepted.$Shape} JobAccepted
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobAccepted.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a JobAccepted message.
             * @function verify
             * @memberof caroni.v1.JobAccepted
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JobAccepted.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    if (!$util.isString(message.jobId))
                        return "jobId: string expected";
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref")) {
                    let error = $root.caroni.v1.JobRef.verify(message.ref, _depth + 1);
                    if (error)
                        return "ref." + error;
                }
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    if (!$util.isInteger(message.attempt))
                        return "attempt: integer expected";
                return null;
            };

            /**
             * Creates a JobAccepted message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.JobAccepted
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.JobAccepted} JobAccepted
             */
            JobAccepted.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.JobAccepted)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.JobAccepted: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.JobAccepted();
                if (object.jobId != null)
                    if (typeof object.jobId !== "string" || object.jobId.length)
                        message.jobId = $String(object.jobId);
                if (object.ref != null) {
                    if (!$util.isObject(object.ref))
                        throw $TypeError(".caroni.v1.JobAccepted.ref: object expected");
                    message.ref = $root.caroni.v1.JobRef.fromObject(object.ref, _depth + 1);
                }
                if (object.attempt != null)
                    if ($Number(object.attempt) !== 0)
                        message.attempt = object.attempt >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a JobAccepted message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.JobAccepted
             * @static
             * @param {caroni.v1.JobAccepted} message JobAccepted
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JobAccepted.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.jobId = "";
                    object.ref = null;
                    object.attempt = 0;
                }
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    object.jobId = message.jobId;
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    object.ref = $root.caroni.v1.JobRef.toObject(message.ref, options, _depth + 1);
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    object.attempt = message.attempt;
                return object;
            };

            /**
             * Converts this JobAccepted to JSON.
             * @function toJSON
             * @memberof caroni.v1.JobAccepted
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JobAccepted.prototype.toJSON = function() {
                return JobAccepted.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for JobAccepted
             * @function getTypeUrl
             * @memberof caroni.v1.JobAccepted
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            JobAccepted.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.JobAccepted";
            };

            return JobAccepted;
        })();

        v1.JobProgress = (function() {

            /**
             * Properties of a JobProgress.
             * @typedef {Object} caroni.v1.JobProgress.$Properties
             * @property {string|null} [jobId] JobProgress jobId
             * @property {caroni.v1.JobRef.$Properties|null} [ref] JobProgress ref
             * @property {number|null} [attempt] JobProgress attempt
             * @property {google.protobuf.Value.$Properties|null} [details] JobProgress details
             * @property {number|null} [sequence] JobProgress sequence
             * @property {caroni.v1.JobLog.$Properties|null} [logTail] JobProgress logTail
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JobProgress.
             * @memberof caroni.v1
             * @interface IJobProgress
             * @augments caroni.v1.JobProgress.$Properties
             * @deprecated Use caroni.v1.JobProgress.$Properties instead.
             */

            /**
             * Shape of a JobProgress.
             * @typedef {{
             *   jobId?: string|null;
             *   ref?: caroni.v1.JobRef.$Shape|null;
             *   attempt?: number|null;
             *   details?: google.protobuf.Value.$Shape|null;
             *   sequence?: number|null;
             *   logTail?: caroni.v1.JobLog.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} caroni.v1.JobProgress.$Shape
             */

            /**
             * Constructs a new JobProgress.
             * @memberof caroni.v1
             * @classdesc Represents a JobProgress.
             * @constructor
             * @param {caroni.v1.JobProgress.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JobProgress = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JobProgress jobId.
             * @member {string} jobId
             * @memberof caroni.v1.JobProgress
             * @instance
             */
            JobProgress.prototype.jobId = "";

            /**
             * JobProgress ref.
             * @member {caroni.v1.JobRef.$Properties|null|undefined} ref
             * @memberof caroni.v1.JobProgress
             * @instance
             */
            JobProgress.prototype.ref = null;

            /**
             * JobProgress attempt.
             * @member {number} attempt
             * @memberof caroni.v1.JobProgress
             * @instance
             */
            JobProgress.prototype.attempt = 0;

            /**
             * JobProgress details.
             * @member {google.protobuf.Value.$Properties|null|undefined} details
             * @memberof caroni.v1.JobProgress
             * @instance
             */
            JobProgress.prototype.details = null;

            /**
             * JobProgress sequence.
             * @member {number} sequence
             * @memberof caroni.v1.JobProgress
             * @instance
             */
            JobProgress.prototype.sequence = 0;

            /**
             * JobProgress logTail.
             * @member {caroni.v1.JobLog.$Properties|null|undefined} logTail
             * @memberof caroni.v1.JobProgress
             * @instance
             */
            JobProgress.prototype.logTail = null;

            /**
             * Creates a new JobProgress instance using the specified properties.
             * @function create
             * @memberof caroni.v1.JobProgress
             * @static
             * @param {caroni.v1.JobProgress.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.JobProgress} JobProgress instance
             * @type {{
             *   (properties: caroni.v1.JobProgress.$Shape): caroni.v1.JobProgress & caroni.v1.JobProgress.$Shape;
             *   (properties?: caroni.v1.JobProgress.$Properties): caroni.v1.JobProgress;
             * }}
             */
            JobProgress.create = function(properties) {
                return new JobProgress(properties);
            };

            /**
             * Encodes the specified JobProgress message. Does not implicitly {@link caroni.v1.JobProgress.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.JobProgress
             * @static
             * @param {caroni.v1.JobProgress.$Properties} message JobProgress message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobProgress.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.jobId);
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    $root.caroni.v1.JobRef.encode(message.ref, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt") && message.attempt !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.attempt);
                if (message.details != null && $Object.hasOwnProperty.call(message, "details"))
                    $root.google.protobuf.Value.encode(message.details, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.sequence != null && $Object.hasOwnProperty.call(message, "sequence") && message.sequence !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.sequence);
                if (message.logTail != null && $Object.hasOwnProperty.call(message, "logTail"))
                    $root.caroni.v1.JobLog.encode(message.logTail, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified JobProgress message, length delimited. Does not implicitly {@link caroni.v1.JobProgress.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.JobProgress
             * @static
             * @param {caroni.v1.JobProgress.$Properties} message JobProgress message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobProgress.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a JobProgress message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.JobProgress
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.JobProgress & caroni.v1.JobProgress.$Shape} JobProgress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobProgress.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.JobProgress();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.jobId = value;
                            else
                                delete message.jobId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.ref = $root.caroni.v1.JobRef.decode(reader, reader.size(), $undefined, _depth + 1, message.ref);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.attempt = value;
                            else
                                delete message.attempt;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.details = $root.google.protobuf.Value.decode(reader, reader.size(), $undefined, _depth + 1, message.details);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.sequence = value;
                            else
                                delete message.sequence;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.logTail = $root.caroni.v1.JobLog.decode(reader, reader.size(), $undefined, _depth + 1, message.logTail);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a JobProgress message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.JobProgress
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.JobProgress & caroni.v1.JobProgress.$Shape} JobProgress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobProgress.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a JobProgress message.
             * @function verify
             * @memberof caroni.v1.JobProgress
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JobProgress.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    if (!$util.isString(message.jobId))
                        return "jobId: string expected";
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref")) {
                    let error = $root.caroni.v1.JobRef.verify(message.ref, _depth + 1);
                    if (error)
                        return "ref." + error;
                }
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    if (!$util.isInteger(message.attempt))
                        return "attempt: integer expected";
                if (message.details != null && $Object.hasOwnProperty.call(message, "details")) {
                    let error = $root.google.protobuf.Value.verify(message.details, _depth + 1);
                    if (error)
                        return "details." + error;
                }
                if (message.sequence != null && $Object.hasOwnProperty.call(message, "sequence"))
                    if (!$util.isInteger(message.sequence))
                        return "sequence: integer expected";
                if (message.logTail != null && $Object.hasOwnProperty.call(message, "logTail")) {
                    let error = $root.caroni.v1.JobLog.verify(message.logTail, _depth + 1);
                    if (error)
                        return "logTail." + error;
                }
                return null;
            };

            /**
             * Creates a JobProgress message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.JobProgress
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.JobProgress} JobProgress
             */
            JobProgress.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.JobProgress)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.JobProgress: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.JobProgress();
                if (object.jobId != null)
                    if (typeof object.jobId !== "string" || object.jobId.length)
                        message.jobId = $String(object.jobId);
                if (object.ref != null) {
                    if (!$util.isObject(object.ref))
                        throw $TypeError(".caroni.v1.JobProgress.ref: object expected");
                    message.ref = $root.caroni.v1.JobRef.fromObject(object.ref, _depth + 1);
                }
                if (object.attempt != null)
                    if ($Number(object.attempt) !== 0)
                        message.attempt = object.attempt >>> 0;
                if (object.details != null) {
                    if (!$util.isObject(object.details))
                        throw $TypeError(".caroni.v1.JobProgress.details: object expected");
                    message.details = $root.google.protobuf.Value.fromObject(object.details, _depth + 1);
                }
                if (object.sequence != null)
                    if ($Number(object.sequence) !== 0)
                        message.sequence = object.sequence >>> 0;
                if (object.logTail != null) {
                    if (!$util.isObject(object.logTail))
                        throw $TypeError(".caroni.v1.JobProgress.logTail: object expected");
                    message.logTail = $root.caroni.v1.JobLog.fromObject(object.logTail, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a JobProgress message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.JobProgress
             * @static
             * @param {caroni.v1.JobProgress} message JobProgress
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JobProgress.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.jobId = "";
                    object.ref = null;
                    object.attempt = 0;
                    object.details = null;
                    object.sequence = 0;
                    object.logTail = null;
                }
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    object.jobId = message.jobId;
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    object.ref = $root.caroni.v1.JobRef.toObject(message.ref, options, _depth + 1);
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    object.attempt = message.attempt;
                if (message.details != null && $Object.hasOwnProperty.call(message, "details"))
                    object.details = $root.google.protobuf.Value.toObject(message.details, options, _depth + 1);
                if (message.sequence != null && $Object.hasOwnProperty.call(message, "sequence"))
                    object.sequence = message.sequence;
                if (message.logTail != null && $Object.hasOwnProperty.call(message, "logTail"))
                    object.logTail = $root.caroni.v1.JobLog.toObject(message.logTail, options, _depth + 1);
                return object;
            };

            /**
             * Converts this JobProgress to JSON.
             * @function toJSON
             * @memberof caroni.v1.JobProgress
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JobProgress.prototype.toJSON = function() {
                return JobProgress.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for JobProgress
             * @function getTypeUrl
             * @memberof caroni.v1.JobProgress
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            JobProgress.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.JobProgress";
            };

            return JobProgress;
        })();

        v1.JobLog = (function() {

            /**
             * Properties of a JobLog.
             * @typedef {Object} caroni.v1.JobLog.$Properties
             * @property {string|null} [text] JobLog text
             * @property {number|Long|null} [bytes] JobLog bytes
             * @property {boolean|null} [truncated] JobLog truncated
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JobLog.
             * @memberof caroni.v1
             * @interface IJobLog
             * @augments caroni.v1.JobLog.$Properties
             * @deprecated Use caroni.v1.JobLog.$Properties instead.
             */

            /**
             * Shape of a JobLog.
             * @typedef {caroni.v1.JobLog.$Properties} caroni.v1.JobLog.$Shape
             */

            /**
             * Constructs a new JobLog.
             * @memberof caroni.v1
             * @classdesc Represents a JobLog.
             * @constructor
             * @param {caroni.v1.JobLog.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JobLog = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JobLog text.
             * @member {string} text
             * @memberof caroni.v1.JobLog
             * @instance
             */
            JobLog.prototype.text = "";

            /**
             * JobLog bytes.
             * @member {number|Long} bytes
             * @memberof caroni.v1.JobLog
             * @instance
             */
            JobLog.prototype.bytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * JobLog truncated.
             * @member {boolean} truncated
             * @memberof caroni.v1.JobLog
             * @instance
             */
            JobLog.prototype.truncated = false;

            /**
             * Creates a new JobLog instance using the specified properties.
             * @function create
             * @memberof caroni.v1.JobLog
             * @static
             * @param {caroni.v1.JobLog.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.JobLog} JobLog instance
             * @type {{
             *   (properties: caroni.v1.JobLog.$Shape): caroni.v1.JobLog & caroni.v1.JobLog.$Shape;
             *   (properties?: caroni.v1.JobLog.$Properties): caroni.v1.JobLog;
             * }}
             */
            JobLog.create = function(properties) {
                return new JobLog(properties);
            };

            /**
             * Encodes the specified JobLog message. Does not implicitly {@link caroni.v1.JobLog.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.JobLog
             * @static
             * @param {caroni.v1.JobLog.$Properties} message JobLog message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobLog.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.text);
                if (message.bytes != null && $Object.hasOwnProperty.call(message, "bytes") && (typeof message.bytes === "object" ? message.bytes.low || message.bytes.high : message.bytes !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.bytes);
                if (message.truncated != null && $Object.hasOwnProperty.call(message, "truncated") && message.truncated !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.truncated);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified JobLog message, length delimited. Does not implicitly {@link caroni.v1.JobLog.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.JobLog
             * @static
             * @param {caroni.v1.JobLog.$Properties} message JobLog message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobLog.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a JobLog message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.JobLog
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.JobLog & caroni.v1.JobLog.$Shape} JobLog
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobLog.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.JobLog();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.bytes = value;
                            else
                                delete message.bytes;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.truncated = value;
                            else
                                delete message.truncated;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a JobLog message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.JobLog
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.JobLog & caroni.v1.JobLog.$Shape} JobLog
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobLog.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a JobLog message.
             * @function verify
             * @memberof caroni.v1.JobLog
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JobLog.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    if (!$util.isString(message.text))
                        return "text: string expected";
                if (message.bytes != null && $Object.hasOwnProperty.call(message, "bytes"))
                    if (!$util.isInteger(message.bytes) && !(message.bytes && $util.isInteger(message.bytes.low) && $util.isInteger(message.bytes.high)))
                        return "bytes: integer|Long expected";
                if (message.truncated != null && $Object.hasOwnProperty.call(message, "truncated"))
                    if (typeof message.truncated !== "boolean")
                        return "truncated: boolean expected";
                return null;
            };

            /**
             * Creates a JobLog message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.JobLog
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.JobLog} JobLog
             */
            JobLog.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.JobLog)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.JobLog: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.JobLog();
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                if (object.bytes != null)
                    if (typeof object.bytes === "object" ? object.bytes.low || object.bytes.high : $Number(object.bytes) !== 0)
                        if ($util.Long)
                            message.bytes = $util.Long.fromValue(object.bytes, true);
                        else if (typeof object.bytes === "string")
                            message.bytes = $parseInt(object.bytes, 10);
                        else if (typeof object.bytes === "number")
                            message.bytes = object.bytes;
                        else if (typeof object.bytes === "object")
                            message.bytes = new $util.LongBits(object.bytes.low >>> 0, object.bytes.high >>> 0).toNumber(true);
                if (object.truncated != null)
                    if (object.truncated)
                        message.truncated = $Boolean(object.truncated);
                return message;
            };

            /**
             * Creates a plain object from a JobLog message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.JobLog
             * @static
             * @param {caroni.v1.JobLog} message JobLog
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JobLog.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.text = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.bytes = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.bytes = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.truncated = false;
                }
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                if (message.bytes != null && $Object.hasOwnProperty.call(message, "bytes"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.bytes = typeof message.bytes === "number" ? $BigInt(message.bytes) : $util.Long.fromBits(message.bytes.low >>> 0, message.bytes.high >>> 0, true).toBigInt();
                    else if (typeof message.bytes === "number")
                        object.bytes = options.longs === $String ? $String(message.bytes) : message.bytes;
                    else
                        object.bytes = options.longs === $String ? $util.Long.prototype.toString.call(message.bytes) : options.longs === $Number ? new $util.LongBits(message.bytes.low >>> 0, message.bytes.high >>> 0).toNumber(true) : message.bytes;
                if (message.truncated != null && $Object.hasOwnProperty.call(message, "truncated"))
                    object.truncated = message.truncated;
                return object;
            };

            /**
             * Converts this JobLog to JSON.
             * @function toJSON
             * @memberof caroni.v1.JobLog
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JobLog.prototype.toJSON = function() {
                return JobLog.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for JobLog
             * @function getTypeUrl
             * @memberof caroni.v1.JobLog
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            JobLog.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.JobLog";
            };

            return JobLog;
        })();

        v1.JobFailure = (function() {

            /**
             * Properties of a JobFailure.
             * @typedef {Object} caroni.v1.JobFailure.$Properties
             * @property {string|null} [type] JobFailure type
             * @property {string|null} [message] JobFailure message
             * @property {boolean|null} [nonRetryable] JobFailure nonRetryable
             * @property {google.protobuf.Value.$Properties|null} [details] JobFailure details
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JobFailure.
             * @memberof caroni.v1
             * @interface IJobFailure
             * @augments caroni.v1.JobFailure.$Properties
             * @deprecated Use caroni.v1.JobFailure.$Properties instead.
             */

            /**
             * Shape of a JobFailure.
             * @typedef {{
             *   type?: string|null;
             *   message?: string|null;
             *   nonRetryable?: boolean|null;
             *   details?: google.protobuf.Value.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} caroni.v1.JobFailure.$Shape
             */

            /**
             * Constructs a new JobFailure.
             * @memberof caroni.v1
             * @classdesc Represents a JobFailure.
             * @constructor
             * @param {caroni.v1.JobFailure.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JobFailure = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JobFailure type.
             * @member {string} type
             * @memberof caroni.v1.JobFailure
             * @instance
             */
            JobFailure.prototype.type = "";

            /**
             * JobFailure message.
             * @member {string} message
             * @memberof caroni.v1.JobFailure
             * @instance
             */
            JobFailure.prototype.message = "";

            /**
             * JobFailure nonRetryable.
             * @member {boolean} nonRetryable
             * @memberof caroni.v1.JobFailure
             * @instance
             */
            JobFailure.prototype.nonRetryable = false;

            /**
             * JobFailure details.
             * @member {google.protobuf.Value.$Properties|null|undefined} details
             * @memberof caroni.v1.JobFailure
             * @instance
             */
            JobFailure.prototype.details = null;

            /**
             * Creates a new JobFailure instance using the specified properties.
             * @function create
             * @memberof caroni.v1.JobFailure
             * @static
             * @param {caroni.v1.JobFailure.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.JobFailure} JobFailure instance
             * @type {{
             *   (properties: caroni.v1.JobFailure.$Shape): caroni.v1.JobFailure & caroni.v1.JobFailure.$Shape;
             *   (properties?: caroni.v1.JobFailure.$Properties): caroni.v1.JobFailure;
             * }}
             */
            JobFailure.create = function(properties) {
                return new JobFailure(properties);
            };

            /**
             * Encodes the specified JobFailure message. Does not implicitly {@link caroni.v1.JobFailure.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.JobFailure
             * @static
             * @param {caroni.v1.JobFailure.$Properties} message JobFailure message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobFailure.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.type);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.nonRetryable != null && $Object.hasOwnProperty.call(message, "nonRetryable") && message.nonRetryable !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.nonRetryable);
                if (message.details != null && $Object.hasOwnProperty.call(message, "details"))
                    $root.google.protobuf.Value.encode(message.details, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified JobFailure message, length delimited. Does not implicitly {@link caroni.v1.JobFailure.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.JobFailure
             * @static
             * @param {caroni.v1.JobFailure.$Properties} message JobFailure message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobFailure.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a JobFailure message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.JobFailure
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.JobFailure & caroni.v1.JobFailure.$Shape} JobFailure
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobFailure.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.JobFailure();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.nonRetryable = value;
                            else
                                delete message.nonRetryable;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.details = $root.google.protobuf.Value.decode(reader, reader.size(), $undefined, _depth + 1, message.details);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a JobFailure message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.JobFailure
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.JobFailure & caroni.v1.JobFailure.$Shape} JobFailure
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobFailure.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a JobFailure message.
             * @function verify
             * @memberof caroni.v1.JobFailure
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JobFailure.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    if (!$util.isString(message.type))
                        return "type: string expected";
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    if (!$util.isString(message.message))
                        return "message: string expected";
                if (message.nonRetryable != null && $Object.hasOwnProperty.call(message, "nonRetryable"))
                    if (typeof message.nonRetryable !== "boolean")
                        return "nonRetryable: boolean expected";
                if (message.details != null && $Object.hasOwnProperty.call(message, "details")) {
                    let error = $root.google.protobuf.Value.verify(message.details, _depth + 1);
                    if (error)
                        return "details." + error;
                }
                return null;
            };

            /**
             * Creates a JobFailure message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.JobFailure
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.JobFailure} JobFailure
             */
            JobFailure.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.JobFailure)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.JobFailure: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.JobFailure();
                if (object.type != null)
                    if (typeof object.type !== "string" || object.type.length)
                        message.type = $String(object.type);
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                if (object.nonRetryable != null)
                    if (object.nonRetryable)
                        message.nonRetryable = $Boolean(object.nonRetryable);
                if (object.details != null) {
                    if (!$util.isObject(object.details))
                        throw $TypeError(".caroni.v1.JobFailure.details: object expected");
                    message.details = $root.google.protobuf.Value.fromObject(object.details, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a JobFailure message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.JobFailure
             * @static
             * @param {caroni.v1.JobFailure} message JobFailure
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JobFailure.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.type = "";
                    object.message = "";
                    object.nonRetryable = false;
                    object.details = null;
                }
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    object.type = message.type;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.nonRetryable != null && $Object.hasOwnProperty.call(message, "nonRetryable"))
                    object.nonRetryable = message.nonRetryable;
                if (message.details != null && $Object.hasOwnProperty.call(message, "details"))
                    object.details = $root.google.protobuf.Value.toObject(message.details, options, _depth + 1);
                return object;
            };

            /**
             * Converts this JobFailure to JSON.
             * @function toJSON
             * @memberof caroni.v1.JobFailure
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JobFailure.prototype.toJSON = function() {
                return JobFailure.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for JobFailure
             * @function getTypeUrl
             * @memberof caroni.v1.JobFailure
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            JobFailure.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.JobFailure";
            };

            return JobFailure;
        })();

        v1.JobResult = (function() {

            /**
             * Properties of a JobResult.
             * @typedef {Object} caroni.v1.JobResult.$Properties
             * @property {string|null} [jobId] JobResult jobId
             * @property {caroni.v1.JobRef.$Properties|null} [ref] JobResult ref
             * @property {number|null} [attempt] JobResult attempt
             * @property {google.protobuf.Value.$Properties|null} [output] JobResult output
             * @property {caroni.v1.JobFailure.$Properties|null} [failure] JobResult failure
             * @property {boolean|null} [fromLedger] JobResult fromLedger
             * @property {caroni.v1.JobUsage.$Properties|null} [usage] JobResult usage
             * @property {string|null} [jobType] JobResult jobType
             * @property {caroni.v1.JobLog.$Properties|null} [log] JobResult log
             * @property {"output"|"failure"} [outcome] JobResult outcome
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JobResult.
             * @memberof caroni.v1
             * @interface IJobResult
             * @augments caroni.v1.JobResult.$Properties
             * @deprecated Use caroni.v1.JobResult.$Properties instead.
             */

            /**
             * Narrowed shape of a JobResult.
             * @typedef {{
             *   jobId?: string|null;
             *   ref?: caroni.v1.JobRef.$Shape|null;
             *   attempt?: number|null;
             *   output?: google.protobuf.Value.$Shape|null;
             *   failure?: caroni.v1.JobFailure.$Shape|null;
             *   fromLedger?: boolean|null;
             *   usage?: caroni.v1.JobUsage.$Shape|null;
             *   jobType?: string|null;
             *   log?: caroni.v1.JobLog.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ outcome?: undefined; output?: null; failure?: null }|{ outcome?: "output"; output: google.protobuf.Value.$Shape; failure?: null }|{ outcome?: "failure"; output?: null; failure: caroni.v1.JobFailure.$Shape })
             * )} caroni.v1.JobResult.$Shape
             */

            /**
             * Constructs a new JobResult.
             * @memberof caroni.v1
             * @classdesc Represents a JobResult.
             * @constructor
             * @param {caroni.v1.JobResult.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JobResult = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JobResult jobId.
             * @member {string} jobId
             * @memberof caroni.v1.JobResult
             * @instance
             */
            JobResult.prototype.jobId = "";

            /**
             * JobResult ref.
             * @member {caroni.v1.JobRef.$Properties|null|undefined} ref
             * @memberof caroni.v1.JobResult
             * @instance
             */
            JobResult.prototype.ref = null;

            /**
             * JobResult attempt.
             * @member {number} attempt
             * @memberof caroni.v1.JobResult
             * @instance
             */
            JobResult.prototype.attempt = 0;

            /**
             * JobResult output.
             * @member {google.protobuf.Value.$Properties|null|undefined} output
             * @memberof caroni.v1.JobResult
             * @instance
             */
            JobResult.prototype.output = null;

            /**
             * JobResult failure.
             * @member {caroni.v1.JobFailure.$Properties|null|undefined} failure
             * @memberof caroni.v1.JobResult
             * @instance
             */
            JobResult.prototype.failure = null;

            /**
             * JobResult fromLedger.
             * @member {boolean} fromLedger
             * @memberof caroni.v1.JobResult
             * @instance
             */
            JobResult.prototype.fromLedger = false;

            /**
             * JobResult usage.
             * @member {caroni.v1.JobUsage.$Properties|null|undefined} usage
             * @memberof caroni.v1.JobResult
             * @instance
             */
            JobResult.prototype.usage = null;

            /**
             * JobResult jobType.
             * @member {string} jobType
             * @memberof caroni.v1.JobResult
             * @instance
             */
            JobResult.prototype.jobType = "";

            /**
             * JobResult log.
             * @member {caroni.v1.JobLog.$Properties|null|undefined} log
             * @memberof caroni.v1.JobResult
             * @instance
             */
            JobResult.prototype.log = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * JobResult outcome.
             * @member {"output"|"failure"|undefined} outcome
             * @memberof caroni.v1.JobResult
             * @instance
             */
            $Object.defineProperty(JobResult.prototype, "outcome", {
                get: $util.oneOfGetter($oneOfFields = ["output", "failure"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new JobResult instance using the specified properties.
             * @function create
             * @memberof caroni.v1.JobResult
             * @static
             * @param {caroni.v1.JobResult.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.JobResult} JobResult instance
             * @type {{
             *   (properties: caroni.v1.JobResult.$Shape): caroni.v1.JobResult & caroni.v1.JobResult.$Shape;
             *   (properties?: caroni.v1.JobResult.$Properties): caroni.v1.JobResult;
             * }}
             */
            JobResult.create = function(properties) {
                return new JobResult(properties);
            };

            /**
             * Encodes the specified JobResult message. Does not implicitly {@link caroni.v1.JobResult.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.JobResult
             * @static
             * @param {caroni.v1.JobResult.$Properties} message JobResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobResult.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.jobId);
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    $root.caroni.v1.JobRef.encode(message.ref, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt") && message.attempt !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.attempt);
                if (message.output != null && $Object.hasOwnProperty.call(message, "output"))
                    $root.google.protobuf.Value.encode(message.output, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.failure != null && $Object.hasOwnProperty.call(message, "failure"))
                    $root.caroni.v1.JobFailure.encode(message.failure, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.fromLedger != null && $Object.hasOwnProperty.call(message, "fromLedger") && message.fromLedger !== false)
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.fromLedger);
                if (message.usage != null && $Object.hasOwnProperty.call(message, "usage"))
                    $root.caroni.v1.JobUsage.encode(message.usage, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.jobType != null && $Object.hasOwnProperty.call(message, "jobType") && message.jobType !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.jobType);
                if (message.log != null && $Object.hasOwnProperty.call(message, "log"))
                    $root.caroni.v1.JobLog.encode(message.log, writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified JobResult message, length delimited. Does not implicitly {@link caroni.v1.JobResult.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.JobResult
             * @static
             * @param {caroni.v1.JobResult.$Properties} message JobResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobResult.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a JobResult message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.JobResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.JobResult & caroni.v1.JobResult.$Shape} JobResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobResult.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.JobResult();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.jobId = value;
                            else
                                delete message.jobId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.ref = $root.caroni.v1.JobRef.decode(reader, reader.size(), $undefined, _depth + 1, message.ref);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.attempt = value;
                            else
                                delete message.attempt;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.output = $root.google.protobuf.Value.decode(reader, reader.size(), $undefined, _depth + 1, message.output);
                            message.outcome = "output";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.failure = $root.caroni.v1.JobFailure.decode(reader, reader.size(), $undefined, _depth + 1, message.failure);
                            message.outcome = "failure";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.fromLedger = value;
                            else
                                delete message.fromLedger;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.usage = $root.caroni.v1.JobUsage.decode(reader, reader.size(), $undefined, _depth + 1, message.usage);
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.jobType = value;
                            else
                                delete message.jobType;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.log = $root.caroni.v1.JobLog.decode(reader, reader.size(), $undefined, _depth + 1, message.log);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a JobResult message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.JobResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.JobResult & caroni.v1.JobResult.$Shape} JobResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobResult.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a JobResult message.
             * @function verify
             * @memberof caroni.v1.JobResult
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JobResult.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    if (!$util.isString(message.jobId))
                        return "jobId: string expected";
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref")) {
                    let error = $root.caroni.v1.JobRef.verify(message.ref, _depth + 1);
                    if (error)
                        return "ref." + error;
                }
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    if (!$util.isInteger(message.attempt))
                        return "attempt: integer expected";
                if (message.output != null && $Object.hasOwnProperty.call(message, "output")) {
                    properties.outcome = 1;
                    {
                        let error = $root.google.protobuf.Value.verify(message.output, _depth + 1);
                        if (error)
                            return "output." + error;
                    }
                }
                if (message.failure != null && $Object.hasOwnProperty.call(message, "failure")) {
                    if (properties.outcome === 1)
                        return "outcome: multiple values";
                    properties.outcome = 1;
                    {
                        let error = $root.caroni.v1.JobFailure.verify(message.failure, _depth + 1);
                        if (error)
                            return "failure." + error;
                    }
                }
                if (message.fromLedger != null && $Object.hasOwnProperty.call(message, "fromLedger"))
                    if (typeof message.fromLedger !== "boolean")
                        return "fromLedger: boolean expected";
                if (message.usage != null && $Object.hasOwnProperty.call(message, "usage")) {
                    let error = $root.caroni.v1.JobUsage.verify(message.usage, _depth + 1);
                    if (error)
                        return "usage." + error;
                }
                if (message.jobType != null && $Object.hasOwnProperty.call(message, "jobType"))
                    if (!$util.isString(message.jobType))
                        return "jobType: string expected";
                if (message.log != null && $Object.hasOwnProperty.call(message, "log")) {
                    let error = $root.caroni.v1.JobLog.verify(message.log, _depth + 1);
                    if (error)
                        return "log." + error;
                }
                return null;
            };

            /**
             * Creates a JobResult message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.JobResult
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.JobResult} JobResult
             */
            JobResult.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.JobResult)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.JobResult: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.JobResult();
                if (object.jobId != null)
                    if (typeof object.jobId !== "string" || object.jobId.length)
                        message.jobId = $String(object.jobId);
                if (object.ref != null) {
                    if (!$util.isObject(object.ref))
                        throw $TypeError(".caroni.v1.JobResult.ref: object expected");
                    message.ref = $root.caroni.v1.JobRef.fromObject(object.ref, _depth + 1);
                }
                if (object.attempt != null)
                    if ($Number(object.attempt) !== 0)
                        message.attempt = object.attempt >>> 0;
                if (object.output != null) {
                    if (!$util.isObject(object.output))
                        throw $TypeError(".caroni.v1.JobResult.output: object expected");
                    message.output = $root.google.protobuf.Value.fromObject(object.output, _depth + 1);
                }
                if (object.failure != null) {
                    if (!$util.isObject(object.failure))
                        throw $TypeError(".caroni.v1.JobResult.failure: object expected");
                    message.failure = $root.caroni.v1.JobFailure.fromObject(object.failure, _depth + 1);
                }
                if (object.fromLedger != null)
                    if (object.fromLedger)
                        message.fromLedger = $Boolean(object.fromLedger);
                if (object.usage != null) {
                    if (!$util.isObject(object.usage))
                        throw $TypeError(".caroni.v1.JobResult.usage: object expected");
                    message.usage = $root.caroni.v1.JobUsage.fromObject(object.usage, _depth + 1);
                }
                if (object.jobType != null)
                    if (typeof object.jobType !== "string" || object.jobType.length)
                        message.jobType = $String(object.jobType);
                if (object.log != null) {
                    if (!$util.isObject(object.log))
                        throw $TypeError(".caroni.v1.JobResult.log: object expected");
                    message.log = $root.caroni.v1.JobLog.fromObject(object.log, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a JobResult message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.JobResult
             * @static
             * @param {caroni.v1.JobResult} message JobResult
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JobResult.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.jobId = "";
                    object.ref = null;
                    object.attempt = 0;
                    object.fromLedger = false;
                    object.usage = null;
                    object.jobType = "";
                    object.log = null;
                }
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    object.jobId = message.jobId;
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    object.ref = $root.caroni.v1.JobRef.toObject(message.ref, options, _depth + 1);
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    object.attempt = message.attempt;
                if (message.output != null && $Object.hasOwnProperty.call(message, "output")) {
                    object.output = $root.google.protobuf.Value.toObject(message.output, options, _depth + 1);
                    if (options.oneofs)
                        object.outcome = "output";
                }
                if (message.failure != null && $Object.hasOwnProperty.call(message, "failure")) {
                    object.failure = $root.caroni.v1.JobFailure.toObject(message.failure, options, _depth + 1);
                    if (options.oneofs)
                        object.outcome = "failure";
                }
                if (message.fromLedger != null && $Object.hasOwnProperty.call(message, "fromLedger"))
                    object.fromLedger = message.fromLedger;
                if (message.usage != null && $Object.hasOwnProperty.call(message, "usage"))
                    object.usage = $root.caroni.v1.JobUsage.toObject(message.usage, options, _depth + 1);
                if (message.jobType != null && $Object.hasOwnProperty.call(message, "jobType"))
                    object.jobType = message.jobType;
                if (message.log != null && $Object.hasOwnProperty.call(message, "log"))
                    object.log = $root.caroni.v1.JobLog.toObject(message.log, options, _depth + 1);
                return object;
            };

            /**
             * Converts this JobResult to JSON.
             * @function toJSON
             * @memberof caroni.v1.JobResult
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JobResult.prototype.toJSON = function() {
                return JobResult.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for JobResult
             * @function getTypeUrl
             * @memberof caroni.v1.JobResult
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            JobResult.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.JobResult";
            };

            return JobResult;
        })();

        v1.JobUsage = (function() {

            /**
             * Properties of a JobUsage.
             * @typedef {Object} caroni.v1.JobUsage.$Properties
             * @property {number|Long|null} [queueWaitMs] JobUsage queueWaitMs
             * @property {number|Long|null} [wallMs] JobUsage wallMs
             * @property {number|Long|null} [slotMs] JobUsage slotMs
             * @property {number|Long|null} [cpuMs] JobUsage cpuMs
             * @property {number|Long|null} [peakRssKb] JobUsage peakRssKb
             * @property {number|null} [attempt] JobUsage attempt
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JobUsage.
             * @memberof caroni.v1
             * @interface IJobUsage
             * @augments caroni.v1.JobUsage.$Properties
             * @deprecated Use caroni.v1.JobUsage.$Properties instead.
             */

            /**
             * Shape of a JobUsage.
             * @typedef {caroni.v1.JobUsage.$Properties} caroni.v1.JobUsage.$Shape
             */

            /**
             * Constructs a new JobUsage.
             * @memberof caroni.v1
             * @classdesc Represents a JobUsage.
             * @constructor
             * @param {caroni.v1.JobUsage.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JobUsage = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JobUsage queueWaitMs.
             * @member {number|Long} queueWaitMs
             * @memberof caroni.v1.JobUsage
             * @instance
             */
            JobUsage.prototype.queueWaitMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * JobUsage wallMs.
             * @member {number|Long} wallMs
             * @memberof caroni.v1.JobUsage
             * @instance
             */
            JobUsage.prototype.wallMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * JobUsage slotMs.
             * @member {number|Long} slotMs
             * @memberof caroni.v1.JobUsage
             * @instance
             */
            JobUsage.prototype.slotMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * JobUsage cpuMs.
             * @member {number|Long} cpuMs
             * @memberof caroni.v1.JobUsage
             * @instance
             */
            JobUsage.prototype.cpuMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * JobUsage peakRssKb.
             * @member {number|Long} peakRssKb
             * @memberof caroni.v1.JobUsage
             * @instance
             */
            JobUsage.prototype.peakRssKb = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * JobUsage attempt.
             * @member {number} attempt
             * @memberof caroni.v1.JobUsage
             * @instance
             */
            JobUsage.prototype.attempt = 0;

            /**
             * Creates a new JobUsage instance using the specified properties.
             * @function create
             * @memberof caroni.v1.JobUsage
             * @static
             * @param {caroni.v1.JobUsage.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.JobUsage} JobUsage instance
             * @type {{
             *   (properties: caroni.v1.JobUsage.$Shape): caroni.v1.JobUsage & caroni.v1.JobUsage.$Shape;
             *   (properties?: caroni.v1.JobUsage.$Properties): caroni.v1.JobUsage;
             * }}
             */
            JobUsage.create = function(properties) {
                return new JobUsage(properties);
            };

            /**
             * Encodes the specified JobUsage message. Does not implicitly {@link caroni.v1.JobUsage.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.JobUsage
             * @static
             * @param {caroni.v1.JobUsage.$Properties} message JobUsage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobUsage.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.queueWaitMs != null && $Object.hasOwnProperty.call(message, "queueWaitMs") && (typeof message.queueWaitMs === "object" ? message.queueWaitMs.low || message.queueWaitMs.high : message.queueWaitMs !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.queueWaitMs);
                if (message.wallMs != null && $Object.hasOwnProperty.call(message, "wallMs") && (typeof message.wallMs === "object" ? message.wallMs.low || message.wallMs.high : message.wallMs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.wallMs);
                if (message.slotMs != null && $Object.hasOwnProperty.call(message, "slotMs") && (typeof message.slotMs === "object" ? message.slotMs.low || message.slotMs.high : message.slotMs !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.slotMs);
                if (message.cpuMs != null && $Object.hasOwnProperty.call(message, "cpuMs") && (typeof message.cpuMs === "object" ? message.cpuMs.low || message.cpuMs.high : message.cpuMs !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.cpuMs);
                if (message.peakRssKb != null && $Object.hasOwnProperty.call(message, "peakRssKb") && (typeof message.peakRssKb === "object" ? message.peakRssKb.low || message.peakRssKb.high : message.peakRssKb !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.peakRssKb);
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt") && message.attempt !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.attempt);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified JobUsage message, length delimited. Does not implicitly {@link caroni.v1.JobUsage.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.JobUsage
             * @static
             * @param {caroni.v1.JobUsage.$Properties} message JobUsage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobUsage.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a JobUsage message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.JobUsage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.JobUsage & caroni.v1.JobUsage.$Shape} JobUsage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobUsage.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.JobUsage();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.queueWaitMs = value;
                            else
                                delete message.queueWaitMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.wallMs = value;
                            else
                                delete message.wallMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.slotMs = value;
                            else
                                delete message.slotMs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.cpuMs = value;
                            else
                                delete message.cpuMs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.peakRssKb = value;
                            else
                                delete message.peakRssKb;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.attempt = value;
                            else
                                delete message.attempt;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a JobUsage message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.JobUsage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.JobUsage & caroni.v1.JobUsage.$Shape} JobUsage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobUsage.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a JobUsage message.
             * @function verify
             * @memberof caroni.v1.JobUsage
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JobUsage.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.queueWaitMs != null && $Object.hasOwnProperty.call(message, "queueWaitMs"))
                    if (!$util.isInteger(message.queueWaitMs) && !(message.queueWaitMs && $util.isInteger(message.queueWaitMs.low) && $util.isInteger(message.queueWaitMs.high)))
                        return "queueWaitMs: integer|Long expected";
                if (message.wallMs != null && $Object.hasOwnProperty.call(message, "wallMs"))
                    if (!$util.isInteger(message.wallMs) && !(message.wallMs && $util.isInteger(message.wallMs.low) && $util.isInteger(message.wallMs.high)))
                        return "wallMs: integer|Long expected";
                if (message.slotMs != null && $Object.hasOwnProperty.call(message, "slotMs"))
                    if (!$util.isInteger(message.slotMs) && !(message.slotMs && $util.isInteger(message.slotMs.low) && $util.isInteger(message.slotMs.high)))
                        return "slotMs: integer|Long expected";
                if (message.cpuMs != null && $Object.hasOwnProperty.call(message, "cpuMs"))
                    if (!$util.isInteger(message.cpuMs) && !(message.cpuMs && $util.isInteger(message.cpuMs.low) && $util.isInteger(message.cpuMs.high)))
                        return "cpuMs: integer|Long expected";
                if (message.peakRssKb != null && $Object.hasOwnProperty.call(message, "peakRssKb"))
                    if (!$util.isInteger(message.peakRssKb) && !(message.peakRssKb && $util.isInteger(message.peakRssKb.low) && $util.isInteger(message.peakRssKb.high)))
                        return "peakRssKb: integer|Long expected";
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    if (!$util.isInteger(message.attempt))
                        return "attempt: integer expected";
                return null;
            };

            /**
             * Creates a JobUsage message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.JobUsage
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.JobUsage} JobUsage
             */
            JobUsage.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.JobUsage)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.JobUsage: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.JobUsage();
                if (object.queueWaitMs != null)
                    if (typeof object.queueWaitMs === "object" ? object.queueWaitMs.low || object.queueWaitMs.high : $Number(object.queueWaitMs) !== 0)
                        if ($util.Long)
                            message.queueWaitMs = $util.Long.fromValue(object.queueWaitMs, true);
                        else if (typeof object.queueWaitMs === "string")
                            message.queueWaitMs = $parseInt(object.queueWaitMs, 10);
                        else if (typeof object.queueWaitMs === "number")
                            message.queueWaitMs = object.queueWaitMs;
                        else if (typeof object.queueWaitMs === "object")
                            message.queueWaitMs = new $util.LongBits(object.queueWaitMs.low >>> 0, object.queueWaitMs.high >>> 0).toNumber(true);
                if (object.wallMs != null)
                    if (typeof object.wallMs === "object" ? object.wallMs.low || object.wallMs.high : $Number(object.wallMs) !== 0)
                        if ($util.Long)
                            message.wallMs = $util.Long.fromValue(object.wallMs, true);
                        else if (typeof object.wallMs === "string")
                            message.wallMs = $parseInt(object.wallMs, 10);
                        else if (typeof object.wallMs === "number")
                            message.wallMs = object.wallMs;
                        else if (typeof object.wallMs === "object")
                            message.wallMs = new $util.LongBits(object.wallMs.low >>> 0, object.wallMs.high >>> 0).toNumber(true);
                if (object.slotMs != null)
                    if (typeof object.slotMs === "object" ? object.slotMs.low || object.slotMs.high : $Number(object.slotMs) !== 0)
                        if ($util.Long)
                            message.slotMs = $util.Long.fromValue(object.slotMs, true);
                        else if (typeof object.slotMs === "string")
                            message.slotMs = $parseInt(object.slotMs, 10);
                        else if (typeof object.slotMs === "number")
                            message.slotMs = object.slotMs;
                        else if (typeof object.slotMs === "object")
                            message.slotMs = new $util.LongBits(object.slotMs.low >>> 0, object.slotMs.high >>> 0).toNumber(true);
                if (object.cpuMs != null)
                    if (typeof object.cpuMs === "object" ? object.cpuMs.low || object.cpuMs.high : $Number(object.cpuMs) !== 0)
                        if ($util.Long)
                            message.cpuMs = $util.Long.fromValue(object.cpuMs, true);
                        else if (typeof object.cpuMs === "string")
                            message.cpuMs = $parseInt(object.cpuMs, 10);
                        else if (typeof object.cpuMs === "number")
                            message.cpuMs = object.cpuMs;
                        else if (typeof object.cpuMs === "object")
                            message.cpuMs = new $util.LongBits(object.cpuMs.low >>> 0, object.cpuMs.high >>> 0).toNumber(true);
                if (object.peakRssKb != null)
                    if (typeof object.peakRssKb === "object" ? object.peakRssKb.low || object.peakRssKb.high : $Number(object.peakRssKb) !== 0)
                        if ($util.Long)
                            message.peakRssKb = $util.Long.fromValue(object.peakRssKb, true);
                        else if (typeof object.peakRssKb === "string")
                            message.peakRssKb = $parseInt(object.peakRssKb, 10);
                        else if (typeof object.peakRssKb === "number")
                            message.peakRssKb = object.peakRssKb;
                        else if (typeof object.peakRssKb === "object")
                            message.peakRssKb = new $util.LongBits(object.peakRssKb.low >>> 0, object.peakRssKb.high >>> 0).toNumber(true);
                if (object.attempt != null)
                    if ($Number(object.attempt) !== 0)
                        message.attempt = object.attempt >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a JobUsage message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.JobUsage
             * @static
             * @param {caroni.v1.JobUsage} message JobUsage
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JobUsage.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.queueWaitMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.queueWaitMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.wallMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.wallMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.slotMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.slotMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.cpuMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.cpuMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.peakRssKb = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.peakRssKb = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.attempt = 0;
                }
                if (message.queueWaitMs != null && $Object.hasOwnProperty.call(message, "queueWaitMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.queueWaitMs = typeof message.queueWaitMs === "number" ? $BigInt(message.queueWaitMs) : $util.Long.fromBits(message.queueWaitMs.low >>> 0, message.queueWaitMs.high >>> 0, true).toBigInt();
                    else if (typeof message.queueWaitMs === "number")
                        object.queueWaitMs = options.longs === $String ? $String(message.queueWaitMs) : message.queueWaitMs;
                    else
                        object.queueWaitMs = options.longs === $String ? $util.Long.prototype.toString.call(message.queueWaitMs) : options.longs === $Number ? new $util.LongBits(message.queueWaitMs.low >>> 0, message.queueWaitMs.high >>> 0).toNumber(true) : message.queueWaitMs;
                if (message.wallMs != null && $Object.hasOwnProperty.call(message, "wallMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.wallMs = typeof message.wallMs === "number" ? $BigInt(message.wallMs) : $util.Long.fromBits(message.wallMs.low >>> 0, message.wallMs.high >>> 0, true).toBigInt();
                    else if (typeof message.wallMs === "number")
                        object.wallMs = options.longs === $String ? $String(message.wallMs) : message.wallMs;
                    else
                        object.wallMs = options.longs === $String ? $util.Long.prototype.toString.call(message.wallMs) : options.longs === $Number ? new $util.LongBits(message.wallMs.low >>> 0, message.wallMs.high >>> 0).toNumber(true) : message.wallMs;
                if (message.slotMs != null && $Object.hasOwnProperty.call(message, "slotMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.slotMs = typeof message.slotMs === "number" ? $BigInt(message.slotMs) : $util.Long.fromBits(message.slotMs.low >>> 0, message.slotMs.high >>> 0, true).toBigInt();
                    else if (typeof message.slotMs === "number")
                        object.slotMs = options.longs === $String ? $String(message.slotMs) : message.slotMs;
                    else
                        object.slotMs = options.longs === $String ? $util.Long.prototype.toString.call(message.slotMs) : options.longs === $Number ? new $util.LongBits(message.slotMs.low >>> 0, message.slotMs.high >>> 0).toNumber(true) : message.slotMs;
                if (message.cpuMs != null && $Object.hasOwnProperty.call(message, "cpuMs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.cpuMs = typeof message.cpuMs === "number" ? $BigInt(message.cpuMs) : $util.Long.fromBits(message.cpuMs.low >>> 0, message.cpuMs.high >>> 0, true).toBigInt();
                    else if (typeof message.cpuMs === "number")
                        object.cpuMs = options.longs === $String ? $String(message.cpuMs) : message.cpuMs;
                    else
                        object.cpuMs = options.longs === $String ? $util.Long.prototype.toString.call(message.cpuMs) : options.longs === $Number ? new $util.LongBits(message.cpuMs.low >>> 0, message.cpuMs.high >>> 0).toNumber(true) : message.cpuMs;
                if (message.peakRssKb != null && $Object.hasOwnProperty.call(message, "peakRssKb"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.peakRssKb = typeof message.peakRssKb === "number" ? $BigInt(message.peakRssKb) : $util.Long.fromBits(message.peakRssKb.low >>> 0, message.peakRssKb.high >>> 0, true).toBigInt();
                    else if (typeof message.peakRssKb === "number")
                        object.peakRssKb = options.longs === $String ? $String(message.peakRssKb) : message.peakRssKb;
                    else
                        object.peakRssKb = options.longs === $String ? $util.Long.prototype.toString.call(message.peakRssKb) : options.longs === $Number ? new $util.LongBits(message.peakRssKb.low >>> 0, message.peakRssKb.high >>> 0).toNumber(true) : message.peakRssKb;
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    object.attempt = message.attempt;
                return object;
            };

            /**
             * Converts this JobUsage to JSON.
             * @function toJSON
             * @memberof caroni.v1.JobUsage
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JobUsage.prototype.toJSON = function() {
                return JobUsage.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for JobUsage
             * @function getTypeUrl
             * @memberof caroni.v1.JobUsage
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            JobUsage.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.JobUsage";
            };

            return JobUsage;
        })();

        v1.CancelJob = (function() {

            /**
             * Properties of a CancelJob.
             * @typedef {Object} caroni.v1.CancelJob.$Properties
             * @property {string|null} [jobId] CancelJob jobId
             * @property {caroni.v1.JobRef.$Properties|null} [ref] CancelJob ref
             * @property {string|null} [reason] CancelJob reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CancelJob.
             * @memberof caroni.v1
             * @interface ICancelJob
             * @augments caroni.v1.CancelJob.$Properties
             * @deprecated Use caroni.v1.CancelJob.$Properties instead.
             */

            /**
             * Shape of a CancelJob.
             * @typedef {caroni.v1.CancelJob.$Properties} caroni.v1.CancelJob.$Shape
             */

            /**
             * Constructs a new CancelJob.
             * @memberof caroni.v1
             * @classdesc Represents a CancelJob.
             * @constructor
             * @param {caroni.v1.CancelJob.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CancelJob = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * CancelJob jobId.
             * @member {string} jobId
             * @memberof caroni.v1.CancelJob
             * @instance
             */
            CancelJob.prototype.jobId = "";

            /**
             * CancelJob ref.
             * @member {caroni.v1.JobRef.$Properties|null|undefined} ref
             * @memberof caroni.v1.CancelJob
             * @instance
             */
            CancelJob.prototype.ref = null;

            /**
             * CancelJob reason.
             * @member {string} reason
             * @memberof caroni.v1.CancelJob
             * @instance
             */
            CancelJob.prototype.reason = "";

            /**
             * Creates a new CancelJob instance using the specified properties.
             * @function create
             * @memberof caroni.v1.CancelJob
             * @static
             * @param {caroni.v1.CancelJob.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.CancelJob} CancelJob instance
             * @type {{
             *   (properties: caroni.v1.CancelJob.$Shape): caroni.v1.CancelJob & caroni.v1.CancelJob.$Shape;
             *   (properties?: caroni.v1.CancelJob.$Properties): caroni.v1.CancelJob;
             * }}
             */
            CancelJob.create = function(properties) {
                return new CancelJob(properties);
            };

            /**
             * Encodes the specified CancelJob message. Does not implicitly {@link caroni.v1.CancelJob.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.CancelJob
             * @static
             * @param {caroni.v1.CancelJob.$Properties} message CancelJob message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CancelJob.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.jobId);
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    $root.caroni.v1.JobRef.encode(message.ref, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified CancelJob message, length delimited. Does not implicitly {@link caroni.v1.CancelJob.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.CancelJob
             * @static
             * @param {caroni.v1.CancelJob.$Properties} message CancelJob message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CancelJob.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a CancelJob message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.CancelJob
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.CancelJob & caroni.v1.CancelJob.$Shape} CancelJob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CancelJob.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.CancelJob();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.jobId = value;
                            else
                                delete message.jobId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.ref = $root.caroni.v1.JobRef.decode(reader, reader.size(), $undefined, _depth + 1, message.ref);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a CancelJob message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.CancelJob
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.CancelJob & caroni.v1.CancelJob.$Shape} CancelJob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CancelJob.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a CancelJob message.
             * @function verify
             * @memberof caroni.v1.CancelJob
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CancelJob.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    if (!$util.isString(message.jobId))
                        return "jobId: string expected";
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref")) {
                    let error = $root.caroni.v1.JobRef.verify(message.ref, _depth + 1);
                    if (error)
                        return "ref." + error;
                }
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                return null;
            };

            /**
             * Creates a CancelJob message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.CancelJob
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.CancelJob} CancelJob
             */
            CancelJob.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.CancelJob)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.CancelJob: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.CancelJob();
                if (object.jobId != null)
                    if (typeof object.jobId !== "string" || object.jobId.length)
                        message.jobId = $String(object.jobId);
                if (object.ref != null) {
                    if (!$util.isObject(object.ref))
                        throw $TypeError(".caroni.v1.CancelJob.ref: object expected");
                    message.ref = $root.caroni.v1.JobRef.fromObject(object.ref, _depth + 1);
                }
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                return message;
            };

            /**
             * Creates a plain object from a CancelJob message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.CancelJob
             * @static
             * @param {caroni.v1.CancelJob} message CancelJob
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CancelJob.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.jobId = "";
                    object.ref = null;
                    object.reason = "";
                }
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    object.jobId = message.jobId;
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    object.ref = $root.caroni.v1.JobRef.toObject(message.ref, options, _depth + 1);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                return object;
            };

            /**
             * Converts this CancelJob to JSON.
             * @function toJSON
             * @memberof caroni.v1.CancelJob
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CancelJob.prototype.toJSON = function() {
                return CancelJob.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for CancelJob
             * @function getTypeUrl
             * @memberof caroni.v1.CancelJob
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CancelJob.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.CancelJob";
            };

            return CancelJob;
        })();

        v1.JobCancelled = (function() {

            /**
             * Properties of a JobCancelled.
             * @typedef {Object} caroni.v1.JobCancelled.$Properties
             * @property {string|null} [jobId] JobCancelled jobId
             * @property {caroni.v1.JobRef.$Properties|null} [ref] JobCancelled ref
             * @property {boolean|null} [wasRunning] JobCancelled wasRunning
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JobCancelled.
             * @memberof caroni.v1
             * @interface IJobCancelled
             * @augments caroni.v1.JobCancelled.$Properties
             * @deprecated Use caroni.v1.JobCancelled.$Properties instead.
             */

            /**
             * Shape of a JobCancelled.
             * @typedef {caroni.v1.JobCancelled.$Properties} caroni.v1.JobCancelled.$Shape
             */

            /**
             * Constructs a new JobCancelled.
             * @memberof caroni.v1
             * @classdesc Represents a JobCancelled.
             * @constructor
             * @param {caroni.v1.JobCancelled.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JobCancelled = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JobCancelled jobId.
             * @member {string} jobId
             * @memberof caroni.v1.JobCancelled
             * @instance
             */
            JobCancelled.prototype.jobId = "";

            /**
             * JobCancelled ref.
             * @member {caroni.v1.JobRef.$Properties|null|undefined} ref
             * @memberof caroni.v1.JobCancelled
             * @instance
             */
            JobCancelled.prototype.ref = null;

            /**
             * JobCancelled wasRunning.
             * @member {boolean} wasRunning
             * @memberof caroni.v1.JobCancelled
             * @instance
             */
            JobCancelled.prototype.wasRunning = false;

            /**
             * Creates a new JobCancelled instance using the specified properties.
             * @function create
             * @memberof caroni.v1.JobCancelled
             * @static
             * @param {caroni.v1.JobCancelled.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.JobCancelled} JobCancelled instance
             * @type {{
             *   (properties: caroni.v1.JobCancelled.$Shape): caroni.v1.JobCancelled & caroni.v1.JobCancelled.$Shape;
             *   (properties?: caroni.v1.JobCancelled.$Properties): caroni.v1.JobCancelled;
             * }}
             */
            JobCancelled.create = function(properties) {
                return new JobCancelled(properties);
            };

            /**
             * Encodes the specified JobCancelled message. Does not implicitly {@link caroni.v1.JobCancelled.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.JobCancelled
             * @static
             * @param {caroni.v1.JobCancelled.$Properties} message JobCancelled message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobCancelled.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.jobId);
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    $root.caroni.v1.JobRef.encode(message.ref, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.wasRunning != null && $Object.hasOwnProperty.call(message, "wasRunning") && message.wasRunning !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.wasRunning);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified JobCancelled message, length delimited. Does not implicitly {@link caroni.v1.JobCancelled.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.JobCancelled
             * @static
             * @param {caroni.v1.JobCancelled.$Properties} message JobCancelled message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobCancelled.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a JobCancelled message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.JobCancelled
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.JobCancelled & caroni.v1.JobCancelled.$Shape} JobCancelled
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobCancelled.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.JobCancelled();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.jobId = value;
                            else
                                delete message.jobId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.ref = $root.caroni.v1.JobRef.decode(reader, reader.size(), $undefined, _depth + 1, message.ref);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.wasRunning = value;
                            else
                                delete message.wasRunning;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a JobCancelled message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.JobCancelled
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.JobCancelled & caroni.v1.JobCancelled.$Shape} JobCancelled
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobCancelled.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a JobCancelled message.
             * @function verify
             * @memberof caroni.v1.JobCancelled
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JobCancelled.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    if (!$util.isString(message.jobId))
                        return "jobId: string expected";
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref")) {
                    let error = $root.caroni.v1.JobRef.verify(message.ref, _depth + 1);
                    if (error)
                        return "ref." + error;
                }
                if (message.wasRunning != null && $Object.hasOwnProperty.call(message, "wasRunning"))
                    if (typeof message.wasRunning !== "boolean")
                        return "wasRunning: boolean expected";
                return null;
            };

            /**
             * Creates a JobCancelled message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.JobCancelled
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.JobCancelled} JobCancelled
             */
            JobCancelled.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.JobCancelled)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.JobCancelled: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.JobCancelled();
                if (object.jobId != null)
                    if (typeof object.jobId !== "string" || object.jobId.length)
                        message.jobId = $String(object.jobId);
                if (object.ref != null) {
                    if (!$util.isObject(object.ref))
                        throw $TypeError(".caroni.v1.JobCancelled.ref: object expected");
                    message.ref = $root.caroni.v1.JobRef.fromObject(object.ref, _depth + 1);
                }
                if (object.wasRunning != null)
                    if (object.wasRunning)
                        message.wasRunning = $Boolean(object.wasRunning);
                return message;
            };

            /**
             * Creates a plain object from a JobCancelled message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.JobCancelled
             * @static
             * @param {caroni.v1.JobCancelled} message JobCancelled
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JobCancelled.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.jobId = "";
                    object.ref = null;
                    object.wasRunning = false;
                }
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    object.jobId = message.jobId;
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    object.ref = $root.caroni.v1.JobRef.toObject(message.ref, options, _depth + 1);
                if (message.wasRunning != null && $Object.hasOwnProperty.call(message, "wasRunning"))
                    object.wasRunning = message.wasRunning;
                return object;
            };

            /**
             * Converts this JobCancelled to JSON.
             * @function toJSON
             * @memberof caroni.v1.JobCancelled
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JobCancelled.prototype.toJSON = function() {
                return JobCancelled.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for JobCancelled
             * @function getTypeUrl
             * @memberof caroni.v1.JobCancelled
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            JobCancelled.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.JobCancelled";
            };

            return JobCancelled;
        })();

        v1.JobRejected = (function() {

            /**
             * Properties of a JobRejected.
             * @typedef {Object} caroni.v1.JobRejected.$Properties
             * @property {string|null} [jobId] JobRejected jobId
             * @property {caroni.v1.JobRef.$Properties|null} [ref] JobRejected ref
             * @property {number|null} [attempt] JobRejected attempt
             * @property {caroni.v1.JobRejected.Reason|null} [reason] JobRejected reason
             * @property {string|null} [message] JobRejected message
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JobRejected.
             * @memberof caroni.v1
             * @interface IJobRejected
             * @augments caroni.v1.JobRejected.$Properties
             * @deprecated Use caroni.v1.JobRejected.$Properties instead.
             */

            /**
             * Shape of a JobRejected.
             * @typedef {caroni.v1.JobRejected.$Properties} caroni.v1.JobRejected.$Shape
             */

            /**
             * Constructs a new JobRejected.
             * @memberof caroni.v1
             * @classdesc Represents a JobRejected.
             * @constructor
             * @param {caroni.v1.JobRejected.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JobRejected = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JobRejected jobId.
             * @member {string} jobId
             * @memberof caroni.v1.JobRejected
             * @instance
             */
            JobRejected.prototype.jobId = "";

            /**
             * JobRejected ref.
             * @member {caroni.v1.JobRef.$Properties|null|undefined} ref
             * @memberof caroni.v1.JobRejected
             * @instance
             */
            JobRejected.prototype.ref = null;

            /**
             * JobRejected attempt.
             * @member {number} attempt
             * @memberof caroni.v1.JobRejected
             * @instance
             */
            JobRejected.prototype.attempt = 0;

            /**
             * JobRejected reason.
             * @member {caroni.v1.JobRejected.Reason} reason
             * @memberof caroni.v1.JobRejected
             * @instance
             */
            JobRejected.prototype.reason = 0;

            /**
             * JobRejected message.
             * @member {string} message
             * @memberof caroni.v1.JobRejected
             * @instance
             */
            JobRejected.prototype.message = "";

            /**
             * Creates a new JobRejected instance using the specified properties.
             * @function create
             * @memberof caroni.v1.JobRejected
             * @static
             * @param {caroni.v1.JobRejected.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.JobRejected} JobRejected instance
             * @type {{
             *   (properties: caroni.v1.JobRejected.$Shape): caroni.v1.JobRejected & caroni.v1.JobRejected.$Shape;
             *   (properties?: caroni.v1.JobRejected.$Properties): caroni.v1.JobRejected;
             * }}
             */
            JobRejected.create = function(properties) {
                return new JobRejected(properties);
            };

            /**
             * Encodes the specified JobRejected message. Does not implicitly {@link caroni.v1.JobRejected.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.JobRejected
             * @static
             * @param {caroni.v1.JobRejected.$Properties} message JobRejected message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobRejected.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.jobId);
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    $root.caroni.v1.JobRef.encode(message.ref, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt") && message.attempt !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.attempt);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.reason);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.message);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified JobRejected message, length delimited. Does not implicitly {@link caroni.v1.JobRejected.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.JobRejected
             * @static
             * @param {caroni.v1.JobRejected.$Properties} message JobRejected message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobRejected.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a JobRejected message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.JobRejected
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.JobRejected & caroni.v1.JobRejected.$Shape} JobRejected
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobRejected.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.JobRejected();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.jobId = value;
                            else
                                delete message.jobId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.ref = $root.caroni.v1.JobRef.decode(reader, reader.size(), $undefined, _depth + 1, message.ref);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.attempt = value;
                            else
                                delete message.attempt;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a JobRejected message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.JobRejected
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.JobRejected & caroni.v1.JobRejected.$Shape} JobRejected
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobRejected.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a JobRejected message.
             * @function verify
             * @memberof caroni.v1.JobRejected
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JobRejected.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    if (!$util.isString(message.jobId))
                        return "jobId: string expected";
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref")) {
                    let error = $root.caroni.v1.JobRef.verify(message.ref, _depth + 1);
                    if (error)
                        return "ref." + error;
                }
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    if (!$util.isInteger(message.attempt))
                        return "attempt: integer expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (typeof message.reason !== "number" || (message.reason | 0) !== message.reason)
                        return "reason: enum value expected";
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    if (!$util.isString(message.message))
                        return "message: string expected";
                return null;
            };

            /**
             * Creates a JobRejected message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.JobRejected
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.JobRejected} JobRejected
             */
            JobRejected.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.JobRejected)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.JobRejected: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.JobRejected();
                if (object.jobId != null)
                    if (typeof object.jobId !== "string" || object.jobId.length)
                        message.jobId = $String(object.jobId);
                if (object.ref != null) {
                    if (!$util.isObject(object.ref))
                        throw $TypeError(".caroni.v1.JobRejected.ref: object expected");
                    message.ref = $root.caroni.v1.JobRef.fromObject(object.ref, _depth + 1);
                }
                if (object.attempt != null)
                    if ($Number(object.attempt) !== 0)
                        message.attempt = object.attempt >>> 0;
                if (object.reason !== 0 && (typeof object.reason !== "string" || $root.caroni.v1.JobRejected.Reason[object.reason] !== 0))
                    switch (object.reason) {
                    case "REASON_UNSPECIFIED":
                    case 0:
                        message.reason = 0;
                        break;
                    case "REASON_UNTRUSTED":
                    case 1:
                        message.reason = 1;
                        break;
                    case "REASON_UNKNOWN_JOB_TYPE":
                    case 2:
                        message.reason = 2;
                        break;
                    case "REASON_EXPIRED":
                    case 3:
                        message.reason = 3;
                        break;
                    case "REASON_OVER_QUOTA":
                    case 4:
                        message.reason = 4;
                        break;
                    case "REASON_UNSUPPORTED_VERSION":
                    case 5:
                        message.reason = 5;
                        break;
                    case "REASON_DEADLINE_TOO_FAR":
                    case 6:
                        message.reason = 6;
                        break;
                    default:
                        if (typeof object.reason === "number" && (object.reason | 0) === object.reason)
                            message.reason = object.reason;
                    }
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                return message;
            };

            /**
             * Creates a plain object from a JobRejected message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.JobRejected
             * @static
             * @param {caroni.v1.JobRejected} message JobRejected
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JobRejected.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.jobId = "";
                    object.ref = null;
                    object.attempt = 0;
                    object.reason = options.enums === $String ? "REASON_UNSPECIFIED" : 0;
                    object.message = "";
                }
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    object.jobId = message.jobId;
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    object.ref = $root.caroni.v1.JobRef.toObject(message.ref, options, _depth + 1);
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    object.attempt = message.attempt;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = options.enums === $String ? $root.caroni.v1.JobRejected.Reason[message.reason] === $undefined ? message.reason : $root.caroni.v1.JobRejected.Reason[message.reason] : message.reason;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                return object;
            };

            /**
             * Converts this JobRejected to JSON.
             * @function toJSON
             * @memberof caroni.v1.JobRejected
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JobRejected.prototype.toJSON = function() {
                return JobRejected.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for JobRejected
             * @function getTypeUrl
             * @memberof caroni.v1.JobRejected
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            JobRejected.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.JobRejected";
            };

            /**
             * Reason enum.
             * @name caroni.v1.JobRejected.Reason
             * @enum {number}
             * @property {number} REASON_UNSPECIFIED=0 REASON_UNSPECIFIED value
             * @property {number} REASON_UNTRUSTED=1 REASON_UNTRUSTED value
             * @property {number} REASON_UNKNOWN_JOB_TYPE=2 REASON_UNKNOWN_JOB_TYPE value
             * @property {number} REASON_EXPIRED=3 REASON_EXPIRED value
             * @property {number} REASON_OVER_QUOTA=4 REASON_OVER_QUOTA value
             * @property {number} REASON_UNSUPPORTED_VERSION=5 REASON_UNSUPPORTED_VERSION value
             * @property {number} REASON_DEADLINE_TOO_FAR=6 REASON_DEADLINE_TOO_FAR value
             */
            JobRejected.Reason = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "REASON_UNSPECIFIED"] = 0;
                values[valuesById[1] = "REASON_UNTRUSTED"] = 1;
                values[valuesById[2] = "REASON_UNKNOWN_JOB_TYPE"] = 2;
                values[valuesById[3] = "REASON_EXPIRED"] = 3;
                values[valuesById[4] = "REASON_OVER_QUOTA"] = 4;
                values[valuesById[5] = "REASON_UNSUPPORTED_VERSION"] = 5;
                values[valuesById[6] = "REASON_DEADLINE_TOO_FAR"] = 6;
                return values;
            })();

            return JobRejected;
        })();

        v1.AgentAnnouncement = (function() {

            /**
             * Properties of an AgentAnnouncement.
             * @typedef {Object} caroni.v1.AgentAnnouncement.$Properties
             * @property {string|null} [agentId] AgentAnnouncement agentId
             * @property {Array.<string>|null} [jobTypes] AgentAnnouncement jobTypes
             * @property {Object.<string,string>|null} [labels] AgentAnnouncement labels
             * @property {number|null} [capacity] AgentAnnouncement capacity
             * @property {number|null} [load] AgentAnnouncement load
             * @property {Array.<number>|null} [protocolVersions] AgentAnnouncement protocolVersions
             * @property {string|null} [softwareVersion] AgentAnnouncement softwareVersion
             * @property {boolean|null} [draining] AgentAnnouncement draining
             * @property {number|null} [announceIntervalMs] AgentAnnouncement announceIntervalMs
             * @property {number|null} [loadForRecipient] AgentAnnouncement loadForRecipient
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AgentAnnouncement.
             * @memberof caroni.v1
             * @interface IAgentAnnouncement
             * @augments caroni.v1.AgentAnnouncement.$Properties
             * @deprecated Use caroni.v1.AgentAnnouncement.$Properties instead.
             */

            /**
             * Shape of an AgentAnnouncement.
             * @typedef {caroni.v1.AgentAnnouncement.$Properties} caroni.v1.AgentAnnouncement.$Shape
             */

            /**
             * Constructs a new AgentAnnouncement.
             * @memberof caroni.v1
             * @classdesc Represents an AgentAnnouncement.
             * @constructor
             * @param {caroni.v1.AgentAnnouncement.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AgentAnnouncement = function (properties) {
                this.jobTypes = [];
                this.labels = {};
                this.protocolVersions = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AgentAnnouncement agentId.
             * @member {string} agentId
             * @memberof caroni.v1.AgentAnnouncement
             * @instance
             */
            AgentAnnouncement.prototype.agentId = "";

            /**
             * AgentAnnouncement jobTypes.
             * @member {Array.<string>} jobTypes
             * @memberof caroni.v1.AgentAnnouncement
             * @instance
             */
            AgentAnnouncement.prototype.jobTypes = $util.emptyArray;

            /**
             * AgentAnnouncement labels.
             * @member {Object.<string,string>} labels
             * @memberof caroni.v1.AgentAnnouncement
             * @instance
             */
            AgentAnnouncement.prototype.labels = $util.emptyObject;

            /**
             * AgentAnnouncement capacity.
             * @member {number} capacity
             * @memberof caroni.v1.AgentAnnouncement
             * @instance
             */
            AgentAnnouncement.prototype.capacity = 0;

            /**
             * AgentAnnouncement load.
             * @member {number} load
             * @memberof caroni.v1.AgentAnnouncement
             * @instance
             */
            AgentAnnouncement.prototype.load = 0;

            /**
             * AgentAnnouncement protocolVersions.
             * @member {Array.<number>} protocolVersions
             * @memberof caroni.v1.AgentAnnouncement
             * @instance
             */
            AgentAnnouncement.prototype.protocolVersions = $util.emptyArray;

            /**
             * AgentAnnouncement softwareVersion.
             * @member {string} softwareVersion
             * @memberof caroni.v1.AgentAnnouncement
             * @instance
             */
            AgentAnnouncement.prototype.softwareVersion = "";

            /**
             * AgentAnnouncement draining.
             * @member {boolean} draining
             * @memberof caroni.v1.AgentAnnouncement
             * @instance
             */
            AgentAnnouncement.prototype.draining = false;

            /**
             * AgentAnnouncement announceIntervalMs.
             * @member {number} announceIntervalMs
             * @memberof caroni.v1.AgentAnnouncement
             * @instance
             */
            AgentAnnouncement.prototype.announceIntervalMs = 0;

            /**
             * AgentAnnouncement loadForRecipient.
             * @member {number} loadForRecipient
             * @memberof caroni.v1.AgentAnnouncement
             * @instance
             */
            AgentAnnouncement.prototype.loadForRecipient = 0;

            /**
             * Creates a new AgentAnnouncement instance using the specified properties.
             * @function create
             * @memberof caroni.v1.AgentAnnouncement
             * @static
             * @param {caroni.v1.AgentAnnouncement.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.AgentAnnouncement} AgentAnnouncement instance
             * @type {{
             *   (properties: caroni.v1.AgentAnnouncement.$Shape): caroni.v1.AgentAnnouncement & caroni.v1.AgentAnnouncement.$Shape;
             *   (properties?: caroni.v1.AgentAnnouncement.$Properties): caroni.v1.AgentAnnouncement;
             * }}
             */
            AgentAnnouncement.create = function(properties) {
                return new AgentAnnouncement(properties);
            };

            /**
             * Encodes the specified AgentAnnouncement message. Does not implicitly {@link caroni.v1.AgentAnnouncement.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.AgentAnnouncement
             * @static
             * @param {caroni.v1.AgentAnnouncement.$Properties} message AgentAnnouncement message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentAnnouncement.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.agentId != null && $Object.hasOwnProperty.call(message, "agentId") && message.agentId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.agentId);
                if (message.jobTypes != null && message.jobTypes.length)
                    for (let i = 0; i < message.jobTypes.length; ++i)
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.jobTypes[i]);
                if (message.labels != null && $Object.hasOwnProperty.call(message, "labels"))
                    for (let keys = $Object.keys(message.labels), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.labels[keys[i]]).ldelim();
                if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity") && message.capacity !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.capacity);
                if (message.load != null && $Object.hasOwnProperty.call(message, "load") && message.load !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.load);
                if (message.protocolVersions != null && message.protocolVersions.length)
                    writer.uint32(/* id 6, wireType 2 =*/50).uint32s(message.protocolVersions);
                if (message.softwareVersion != null && $Object.hasOwnProperty.call(message, "softwareVersion") && message.softwareVersion !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.softwareVersion);
                if (message.draining != null && $Object.hasOwnProperty.call(message, "draining") && message.draining !== false)
                    writer.uint32(/* id 8, wireType 0 =*/64).bool(message.draining);
                if (message.announceIntervalMs != null && $Object.hasOwnProperty.call(message, "announceIntervalMs") && message.announceIntervalMs !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.announceIntervalMs);
                if (message.loadForRecipient != null && $Object.hasOwnProperty.call(message, "loadForRecipient") && message.loadForRecipient !== 0)
                    writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.loadForRecipient);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified AgentAnnouncement message, length delimited. Does not implicitly {@link caroni.v1.AgentAnnouncement.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.AgentAnnouncement
             * @static
             * @param {caroni.v1.AgentAnnouncement.$Properties} message AgentAnnouncement message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentAnnouncement.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AgentAnnouncement message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.AgentAnnouncement
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.AgentAnnouncement & caroni.v1.AgentAnnouncement.$Shape} AgentAnnouncement
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentAnnouncement.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.AgentAnnouncement();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.agentId = value;
                            else
                                delete message.agentId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.jobTypes && message.jobTypes.length))
                                message.jobTypes = [];
                            message.jobTypes.push(reader.stringVerify());
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (message.labels === $util.emptyObject)
                                message.labels = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.labels, key);
                            message.labels[key] = value;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.capacity = value;
                            else
                                delete message.capacity;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.load = value;
                            else
                                delete message.load;
                            continue;
                        }
                    case 6: {
                            if (wireType === 2) {
                                if (!(message.protocolVersions && message.protocolVersions.length))
                                    message.protocolVersions = [];
                                reader.uint32s(message.protocolVersions);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.protocolVersions && message.protocolVersions.length))
                                message.protocolVersions = [];
                            message.protocolVersions.push(reader.uint32());
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.softwareVersion = value;
                            else
                                delete message.softwareVersion;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.draining = value;
                            else
                                delete message.draining;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.announceIntervalMs = value;
                            else
                                delete message.announceIntervalMs;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.loadForRecipient = value;
                            else
                                delete message.loadForRecipient;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an AgentAnnouncement message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.AgentAnnouncement
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.AgentAnnouncement & caroni.v1.AgentAnnouncement.$Shape} AgentAnnouncement
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentAnnouncement.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an AgentAnnouncement message.
             * @function verify
             * @memberof caroni.v1.AgentAnnouncement
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AgentAnnouncement.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.agentId != null && $Object.hasOwnProperty.call(message, "agentId"))
                    if (!$util.isString(message.agentId))
                        return "agentId: string expected";
                if (message.jobTypes != null && $Object.hasOwnProperty.call(message, "jobTypes")) {
                    if (!$Array.isArray(message.jobTypes))
                        return "jobTypes: array expected";
                    for (let i = 0; i < message.jobTypes.length; ++i)
                        if (!$util.isString(message.jobTypes[i]))
                            return "jobTypes: string[] expected";
                }
                if (message.labels != null && $Object.hasOwnProperty.call(message, "labels")) {
                    if (!$util.isObject(message.labels))
                        return "labels: object expected";
                    let key = $Object.keys(message.labels);
                    for (let i = 0; i < key.length; ++i)
                        if (!$util.isString(message.labels[key[i]]))
                            return "labels: string{k:string} expected";
                }
                if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity"))
                    if (!$util.isInteger(message.capacity))
                        return "capacity: integer expected";
                if (message.load != null && $Object.hasOwnProperty.call(message, "load"))
                    if (!$util.isInteger(message.load))
                        return "load: integer expected";
                if (message.protocolVersions != null && $Object.hasOwnProperty.call(message, "protocolVersions")) {
                    if (!$Array.isArray(message.protocolVersions))
                        return "protocolVersions: array expected";
                    for (let i = 0; i < message.protocolVersions.length; ++i)
                        if (!$util.isInteger(message.protocolVersions[i]))
                            return "protocolVersions: integer[] expected";
                }
                if (message.softwareVersion != null && $Object.hasOwnProperty.call(message, "softwareVersion"))
                    if (!$util.isString(message.softwareVersion))
                        return "softwareVersion: string expected";
                if (message.draining != null && $Object.hasOwnProperty.call(message, "draining"))
                    if (typeof message.draining !== "boolean")
                        return "draining: boolean expected";
                if (message.announceIntervalMs != null && $Object.hasOwnProperty.call(message, "announceIntervalMs"))
                    if (!$util.isInteger(message.announceIntervalMs))
                        return "announceIntervalMs: integer expected";
                if (message.loadForRecipient != null && $Object.hasOwnProperty.call(message, "loadForRecipient"))
                    if (!$util.isInteger(message.loadForRecipient))
                        return "loadForRecipient: integer expected";
                return null;
            };

            /**
             * Creates an AgentAnnouncement message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.AgentAnnouncement
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.AgentAnnouncement} AgentAnnouncement
             */
            AgentAnnouncement.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.AgentAnnouncement)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.AgentAnnouncement: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.AgentAnnouncement();
                if (object.agentId != null)
                    if (typeof object.agentId !== "string" || object.agentId.length)
                        message.agentId = $String(object.agentId);
                if (object.jobTypes) {
                    if (!$Array.isArray(object.jobTypes))
                        throw $TypeError(".caroni.v1.AgentAnnouncement.jobTypes: array expected");
                    message.jobTypes = $Array(object.jobTypes.length);
                    for (let i = 0; i < object.jobTypes.length; ++i)
                        message.jobTypes[i] = $String(object.jobTypes[i]);
                }
                if (object.labels) {
                    if (!$util.isObject(object.labels))
                        throw $TypeError(".caroni.v1.AgentAnnouncement.labels: object expected");
                    message.labels = {};
                    for (let keys = $Object.keys(object.labels), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.labels, keys[i]);
                        message.labels[keys[i]] = $String(object.labels[keys[i]]);
                    }
                }
                if (object.capacity != null)
                    if ($Number(object.capacity) !== 0)
                        message.capacity = object.capacity >>> 0;
                if (object.load != null)
                    if ($Number(object.load) !== 0)
                        message.load = object.load >>> 0;
                if (object.protocolVersions) {
                    if (!$Array.isArray(object.protocolVersions))
                        throw $TypeError(".caroni.v1.AgentAnnouncement.protocolVersions: array expected");
                    message.protocolVersions = $Array(object.protocolVersions.length);
                    for (let i = 0; i < object.protocolVersions.length; ++i)
                        message.protocolVersions[i] = object.protocolVersions[i] >>> 0;
                }
                if (object.softwareVersion != null)
                    if (typeof object.softwareVersion !== "string" || object.softwareVersion.length)
                        message.softwareVersion = $String(object.softwareVersion);
                if (object.draining != null)
                    if (object.draining)
                        message.draining = $Boolean(object.draining);
                if (object.announceIntervalMs != null)
                    if ($Number(object.announceIntervalMs) !== 0)
                        message.announceIntervalMs = object.announceIntervalMs >>> 0;
                if (object.loadForRecipient != null)
                    if ($Number(object.loadForRecipient) !== 0)
                        message.loadForRecipient = object.loadForRecipient >>> 0;
                return message;
            };

            /**
             * Creates a plain object from an AgentAnnouncement message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.AgentAnnouncement
             * @static
             * @param {caroni.v1.AgentAnnouncement} message AgentAnnouncement
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AgentAnnouncement.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.jobTypes = [];
                    object.protocolVersions = [];
                }
                if (options.objects || options.defaults)
                    object.labels = {};
                if (options.defaults) {
                    object.agentId = "";
                    object.capacity = 0;
                    object.load = 0;
                    object.softwareVersion = "";
                    object.draining = false;
                    object.announceIntervalMs = 0;
                    object.loadForRecipient = 0;
                }
                if (message.agentId != null && $Object.hasOwnProperty.call(message, "agentId"))
                    object.agentId = message.agentId;
                if (message.jobTypes && message.jobTypes.length) {
                    object.jobTypes = $Array(message.jobTypes.length);
                    for (let j = 0; j < message.jobTypes.length; ++j)
                        object.jobTypes[j] = message.jobTypes[j];
                }
                let keys2;
                if (message.labels && (keys2 = $Object.keys(message.labels)).length) {
                    object.labels = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.labels, keys2[j]);
                        object.labels[keys2[j]] = message.labels[keys2[j]];
                    }
                }
                if (message.capacity != null && $Object.hasOwnProperty.call(message, "capacity"))
                    object.capacity = message.capacity;
                if (message.load != null && $Object.hasOwnProperty.call(message, "load"))
                    object.load = message.load;
                if (message.protocolVersions && message.protocolVersions.length) {
                    object.protocolVersions = $Array(message.protocolVersions.length);
                    for (let j = 0; j < message.protocolVersions.length; ++j)
                        object.protocolVersions[j] = message.protocolVersions[j];
                }
                if (message.softwareVersion != null && $Object.hasOwnProperty.call(message, "softwareVersion"))
                    object.softwareVersion = message.softwareVersion;
                if (message.draining != null && $Object.hasOwnProperty.call(message, "draining"))
                    object.draining = message.draining;
                if (message.announceIntervalMs != null && $Object.hasOwnProperty.call(message, "announceIntervalMs"))
                    object.announceIntervalMs = message.announceIntervalMs;
                if (message.loadForRecipient != null && $Object.hasOwnProperty.call(message, "loadForRecipient"))
                    object.loadForRecipient = message.loadForRecipient;
                return object;
            };

            /**
             * Converts this AgentAnnouncement to JSON.
             * @function toJSON
             * @memberof caroni.v1.AgentAnnouncement
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AgentAnnouncement.prototype.toJSON = function() {
                return AgentAnnouncement.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AgentAnnouncement
             * @function getTypeUrl
             * @memberof caroni.v1.AgentAnnouncement
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AgentAnnouncement.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.AgentAnnouncement";
            };

            return AgentAnnouncement;
        })();

        v1.ReconcileJobs = (function() {

            /**
             * Properties of a ReconcileJobs.
             * @typedef {Object} caroni.v1.ReconcileJobs.$Properties
             * @property {Array.<caroni.v1.HeldJob.$Properties>|null} [jobs] ReconcileJobs jobs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ReconcileJobs.
             * @memberof caroni.v1
             * @interface IReconcileJobs
             * @augments caroni.v1.ReconcileJobs.$Properties
             * @deprecated Use caroni.v1.ReconcileJobs.$Properties instead.
             */

            /**
             * Shape of a ReconcileJobs.
             * @typedef {caroni.v1.ReconcileJobs.$Properties} caroni.v1.ReconcileJobs.$Shape
             */

            /**
             * Constructs a new ReconcileJobs.
             * @memberof caroni.v1
             * @classdesc Represents a ReconcileJobs.
             * @constructor
             * @param {caroni.v1.ReconcileJobs.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ReconcileJobs = function (properties) {
                this.jobs = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ReconcileJobs jobs.
             * @member {Array.<caroni.v1.HeldJob.$Properties>} jobs
             * @memberof caroni.v1.ReconcileJobs
             * @instance
             */
            ReconcileJobs.prototype.jobs = $util.emptyArray;

            /**
             * Creates a new ReconcileJobs instance using the specified properties.
             * @function create
             * @memberof caroni.v1.ReconcileJobs
             * @static
             * @param {caroni.v1.ReconcileJobs.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.ReconcileJobs} ReconcileJobs instance
             * @type {{
             *   (properties: caroni.v1.ReconcileJobs.$Shape): caroni.v1.ReconcileJobs & caroni.v1.ReconcileJobs.$Shape;
             *   (properties?: caroni.v1.ReconcileJobs.$Properties): caroni.v1.ReconcileJobs;
             * }}
             */
            ReconcileJobs.create = function(properties) {
                return new ReconcileJobs(properties);
            };

            /**
             * Encodes the specified ReconcileJobs message. Does not implicitly {@link caroni.v1.ReconcileJobs.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.ReconcileJobs
             * @static
             * @param {caroni.v1.ReconcileJobs.$Properties} message ReconcileJobs message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReconcileJobs.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.jobs != null && message.jobs.length)
                    for (let i = 0; i < message.jobs.length; ++i)
                        $root.caroni.v1.HeldJob.encode(message.jobs[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ReconcileJobs message, length delimited. Does not implicitly {@link caroni.v1.ReconcileJobs.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.ReconcileJobs
             * @static
             * @param {caroni.v1.ReconcileJobs.$Properties} message ReconcileJobs message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReconcileJobs.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ReconcileJobs message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.ReconcileJobs
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.ReconcileJobs & caroni.v1.ReconcileJobs.$Shape} ReconcileJobs
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReconcileJobs.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.ReconcileJobs();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.jobs && message.jobs.length))
                                message.jobs = [];
                            message.jobs.push($root.caroni.v1.HeldJob.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ReconcileJobs message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.ReconcileJobs
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.ReconcileJobs & caroni.v1.ReconcileJobs.$Shape} ReconcileJobs
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReconcileJobs.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ReconcileJobs message.
             * @function verify
             * @memberof caroni.v1.ReconcileJobs
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ReconcileJobs.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.jobs != null && $Object.hasOwnProperty.call(message, "jobs")) {
                    if (!$Array.isArray(message.jobs))
                        return "jobs: array expected";
                    for (let i = 0; i < message.jobs.length; ++i) {
                        let error = $root.caroni.v1.HeldJob.verify(message.jobs[i], _depth + 1);
                        if (error)
                            return "jobs." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a ReconcileJobs message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.ReconcileJobs
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.ReconcileJobs} ReconcileJobs
             */
            ReconcileJobs.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.ReconcileJobs)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.ReconcileJobs: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.ReconcileJobs();
                if (object.jobs) {
                    if (!$Array.isArray(object.jobs))
                        throw $TypeError(".caroni.v1.ReconcileJobs.jobs: array expected");
                    message.jobs = $Array(object.jobs.length);
                    for (let i = 0; i < object.jobs.length; ++i) {
                        if (!$util.isObject(object.jobs[i]))
                            throw $TypeError(".caroni.v1.ReconcileJobs.jobs: object expected");
                        message.jobs[i] = $root.caroni.v1.HeldJob.fromObject(object.jobs[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a ReconcileJobs message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.ReconcileJobs
             * @static
             * @param {caroni.v1.ReconcileJobs} message ReconcileJobs
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ReconcileJobs.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.jobs = [];
                if (message.jobs && message.jobs.length) {
                    object.jobs = $Array(message.jobs.length);
                    for (let j = 0; j < message.jobs.length; ++j)
                        object.jobs[j] = $root.caroni.v1.HeldJob.toObject(message.jobs[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this ReconcileJobs to JSON.
             * @function toJSON
             * @memberof caroni.v1.ReconcileJobs
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ReconcileJobs.prototype.toJSON = function() {
                return ReconcileJobs.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ReconcileJobs
             * @function getTypeUrl
             * @memberof caroni.v1.ReconcileJobs
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ReconcileJobs.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.ReconcileJobs";
            };

            return ReconcileJobs;
        })();

        v1.HeldJob = (function() {

            /**
             * Properties of a HeldJob.
             * @typedef {Object} caroni.v1.HeldJob.$Properties
             * @property {string|null} [jobId] HeldJob jobId
             * @property {caroni.v1.JobRef.$Properties|null} [ref] HeldJob ref
             * @property {number|null} [attempt] HeldJob attempt
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HeldJob.
             * @memberof caroni.v1
             * @interface IHeldJob
             * @augments caroni.v1.HeldJob.$Properties
             * @deprecated Use caroni.v1.HeldJob.$Properties instead.
             */

            /**
             * Shape of a HeldJob.
             * @typedef {caroni.v1.HeldJob.$Properties} caroni.v1.HeldJob.$Shape
             */

            /**
             * Constructs a new HeldJob.
             * @memberof caroni.v1
             * @classdesc Represents a HeldJob.
             * @constructor
             * @param {caroni.v1.HeldJob.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HeldJob = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * HeldJob jobId.
             * @member {string} jobId
             * @memberof caroni.v1.HeldJob
             * @instance
             */
            HeldJob.prototype.jobId = "";

            /**
             * HeldJob ref.
             * @member {caroni.v1.JobRef.$Properties|null|undefined} ref
             * @memberof caroni.v1.HeldJob
             * @instance
             */
            HeldJob.prototype.ref = null;

            /**
             * HeldJob attempt.
             * @member {number} attempt
             * @memberof caroni.v1.HeldJob
             * @instance
             */
            HeldJob.prototype.attempt = 0;

            /**
             * Creates a new HeldJob instance using the specified properties.
             * @function create
             * @memberof caroni.v1.HeldJob
             * @static
             * @param {caroni.v1.HeldJob.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.HeldJob} HeldJob instance
             * @type {{
             *   (properties: caroni.v1.HeldJob.$Shape): caroni.v1.HeldJob & caroni.v1.HeldJob.$Shape;
             *   (properties?: caroni.v1.HeldJob.$Properties): caroni.v1.HeldJob;
             * }}
             */
            HeldJob.create = function(properties) {
                return new HeldJob(properties);
            };

            /**
             * Encodes the specified HeldJob message. Does not implicitly {@link caroni.v1.HeldJob.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.HeldJob
             * @static
             * @param {caroni.v1.HeldJob.$Properties} message HeldJob message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HeldJob.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.jobId);
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    $root.caroni.v1.JobRef.encode(message.ref, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt") && message.attempt !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.attempt);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified HeldJob message, length delimited. Does not implicitly {@link caroni.v1.HeldJob.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.HeldJob
             * @static
             * @param {caroni.v1.HeldJob.$Properties} message HeldJob message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HeldJob.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a HeldJob message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.HeldJob
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.HeldJob & caroni.v1.HeldJob.$Shape} HeldJob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HeldJob.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.HeldJob();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.jobId = value;
                            else
                                delete message.jobId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.ref = $root.caroni.v1.JobRef.decode(reader, reader.size(), $undefined, _depth + 1, message.ref);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.attempt = value;
                            else
                                delete message.attempt;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a HeldJob message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.HeldJob
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.HeldJob & caroni.v1.HeldJob.$Shape} HeldJob
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HeldJob.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a HeldJob message.
             * @function verify
             * @memberof caroni.v1.HeldJob
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            HeldJob.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    if (!$util.isString(message.jobId))
                        return "jobId: string expected";
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref")) {
                    let error = $root.caroni.v1.JobRef.verify(message.ref, _depth + 1);
                    if (error)
                        return "ref." + error;
                }
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    if (!$util.isInteger(message.attempt))
                        return "attempt: integer expected";
                return null;
            };

            /**
             * Creates a HeldJob message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.HeldJob
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.HeldJob} HeldJob
             */
            HeldJob.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.HeldJob)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.HeldJob: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.HeldJob();
                if (object.jobId != null)
                    if (typeof object.jobId !== "string" || object.jobId.length)
                        message.jobId = $String(object.jobId);
                if (object.ref != null) {
                    if (!$util.isObject(object.ref))
                        throw $TypeError(".caroni.v1.HeldJob.ref: object expected");
                    message.ref = $root.caroni.v1.JobRef.fromObject(object.ref, _depth + 1);
                }
                if (object.attempt != null)
                    if ($Number(object.attempt) !== 0)
                        message.attempt = object.attempt >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a HeldJob message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.HeldJob
             * @static
             * @param {caroni.v1.HeldJob} message HeldJob
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HeldJob.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.jobId = "";
                    object.ref = null;
                    object.attempt = 0;
                }
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    object.jobId = message.jobId;
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    object.ref = $root.caroni.v1.JobRef.toObject(message.ref, options, _depth + 1);
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    object.attempt = message.attempt;
                return object;
            };

            /**
             * Converts this HeldJob to JSON.
             * @function toJSON
             * @memberof caroni.v1.HeldJob
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HeldJob.prototype.toJSON = function() {
                return HeldJob.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for HeldJob
             * @function getTypeUrl
             * @memberof caroni.v1.HeldJob
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            HeldJob.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.HeldJob";
            };

            return HeldJob;
        })();

        v1.JobVerdicts = (function() {

            /**
             * Properties of a JobVerdicts.
             * @typedef {Object} caroni.v1.JobVerdicts.$Properties
             * @property {Array.<caroni.v1.JobVerdict.$Properties>|null} [jobs] JobVerdicts jobs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JobVerdicts.
             * @memberof caroni.v1
             * @interface IJobVerdicts
             * @augments caroni.v1.JobVerdicts.$Properties
             * @deprecated Use caroni.v1.JobVerdicts.$Properties instead.
             */

            /**
             * Shape of a JobVerdicts.
             * @typedef {caroni.v1.JobVerdicts.$Properties} caroni.v1.JobVerdicts.$Shape
             */

            /**
             * Constructs a new JobVerdicts.
             * @memberof caroni.v1
             * @classdesc Represents a JobVerdicts.
             * @constructor
             * @param {caroni.v1.JobVerdicts.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JobVerdicts = function (properties) {
                this.jobs = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JobVerdicts jobs.
             * @member {Array.<caroni.v1.JobVerdict.$Properties>} jobs
             * @memberof caroni.v1.JobVerdicts
             * @instance
             */
            JobVerdicts.prototype.jobs = $util.emptyArray;

            /**
             * Creates a new JobVerdicts instance using the specified properties.
             * @function create
             * @memberof caroni.v1.JobVerdicts
             * @static
             * @param {caroni.v1.JobVerdicts.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.JobVerdicts} JobVerdicts instance
             * @type {{
             *   (properties: caroni.v1.JobVerdicts.$Shape): caroni.v1.JobVerdicts & caroni.v1.JobVerdicts.$Shape;
             *   (properties?: caroni.v1.JobVerdicts.$Properties): caroni.v1.JobVerdicts;
             * }}
             */
            JobVerdicts.create = function(properties) {
                return new JobVerdicts(properties);
            };

            /**
             * Encodes the specified JobVerdicts message. Does not implicitly {@link caroni.v1.JobVerdicts.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.JobVerdicts
             * @static
             * @param {caroni.v1.JobVerdicts.$Properties} message JobVerdicts message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobVerdicts.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.jobs != null && message.jobs.length)
                    for (let i = 0; i < message.jobs.length; ++i)
                        $root.caroni.v1.JobVerdict.encode(message.jobs[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified JobVerdicts message, length delimited. Does not implicitly {@link caroni.v1.JobVerdicts.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.JobVerdicts
             * @static
             * @param {caroni.v1.JobVerdicts.$Properties} message JobVerdicts message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobVerdicts.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a JobVerdicts message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.JobVerdicts
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.JobVerdicts & caroni.v1.JobVerdicts.$Shape} JobVerdicts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobVerdicts.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.JobVerdicts();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.jobs && message.jobs.length))
                                message.jobs = [];
                            message.jobs.push($root.caroni.v1.JobVerdict.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a JobVerdicts message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.JobVerdicts
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.JobVerdicts & caroni.v1.JobVerdicts.$Shape} JobVerdicts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobVerdicts.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a JobVerdicts message.
             * @function verify
             * @memberof caroni.v1.JobVerdicts
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JobVerdicts.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.jobs != null && $Object.hasOwnProperty.call(message, "jobs")) {
                    if (!$Array.isArray(message.jobs))
                        return "jobs: array expected";
                    for (let i = 0; i < message.jobs.length; ++i) {
                        let error = $root.caroni.v1.JobVerdict.verify(message.jobs[i], _depth + 1);
                        if (error)
                            return "jobs." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a JobVerdicts message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.JobVerdicts
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.JobVerdicts} JobVerdicts
             */
            JobVerdicts.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.JobVerdicts)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.JobVerdicts: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.JobVerdicts();
                if (object.jobs) {
                    if (!$Array.isArray(object.jobs))
                        throw $TypeError(".caroni.v1.JobVerdicts.jobs: array expected");
                    message.jobs = $Array(object.jobs.length);
                    for (let i = 0; i < object.jobs.length; ++i) {
                        if (!$util.isObject(object.jobs[i]))
                            throw $TypeError(".caroni.v1.JobVerdicts.jobs: object expected");
                        message.jobs[i] = $root.caroni.v1.JobVerdict.fromObject(object.jobs[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a JobVerdicts message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.JobVerdicts
             * @static
             * @param {caroni.v1.JobVerdicts} message JobVerdicts
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JobVerdicts.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.jobs = [];
                if (message.jobs && message.jobs.length) {
                    object.jobs = $Array(message.jobs.length);
                    for (let j = 0; j < message.jobs.length; ++j)
                        object.jobs[j] = $root.caroni.v1.JobVerdict.toObject(message.jobs[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this JobVerdicts to JSON.
             * @function toJSON
             * @memberof caroni.v1.JobVerdicts
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JobVerdicts.prototype.toJSON = function() {
                return JobVerdicts.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for JobVerdicts
             * @function getTypeUrl
             * @memberof caroni.v1.JobVerdicts
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            JobVerdicts.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.JobVerdicts";
            };

            return JobVerdicts;
        })();

        v1.JobVerdict = (function() {

            /**
             * Properties of a JobVerdict.
             * @typedef {Object} caroni.v1.JobVerdict.$Properties
             * @property {string|null} [jobId] JobVerdict jobId
             * @property {caroni.v1.JobRef.$Properties|null} [ref] JobVerdict ref
             * @property {caroni.v1.JobVerdict.State|null} [state] JobVerdict state
             * @property {number|null} [attempt] JobVerdict attempt
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JobVerdict.
             * @memberof caroni.v1
             * @interface IJobVerdict
             * @augments caroni.v1.JobVerdict.$Properties
             * @deprecated Use caroni.v1.JobVerdict.$Properties instead.
             */

            /**
             * Shape of a JobVerdict.
             * @typedef {caroni.v1.JobVerdict.$Properties} caroni.v1.JobVerdict.$Shape
             */

            /**
             * Constructs a new JobVerdict.
             * @memberof caroni.v1
             * @classdesc Represents a JobVerdict.
             * @constructor
             * @param {caroni.v1.JobVerdict.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JobVerdict = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * JobVerdict jobId.
             * @member {string} jobId
             * @memberof caroni.v1.JobVerdict
             * @instance
             */
            JobVerdict.prototype.jobId = "";

            /**
             * JobVerdict ref.
             * @member {caroni.v1.JobRef.$Properties|null|undefined} ref
             * @memberof caroni.v1.JobVerdict
             * @instance
             */
            JobVerdict.prototype.ref = null;

            /**
             * JobVerdict state.
             * @member {caroni.v1.JobVerdict.State} state
             * @memberof caroni.v1.JobVerdict
             * @instance
             */
            JobVerdict.prototype.state = 0;

            /**
             * JobVerdict attempt.
             * @member {number} attempt
             * @memberof caroni.v1.JobVerdict
             * @instance
             */
            JobVerdict.prototype.attempt = 0;

            /**
             * Creates a new JobVerdict instance using the specified properties.
             * @function create
             * @memberof caroni.v1.JobVerdict
             * @static
             * @param {caroni.v1.JobVerdict.$Properties=} [properties] Properties to set
             * @returns {caroni.v1.JobVerdict} JobVerdict instance
             * @type {{
             *   (properties: caroni.v1.JobVerdict.$Shape): caroni.v1.JobVerdict & caroni.v1.JobVerdict.$Shape;
             *   (properties?: caroni.v1.JobVerdict.$Properties): caroni.v1.JobVerdict;
             * }}
             */
            JobVerdict.create = function(properties) {
                return new JobVerdict(properties);
            };

            /**
             * Encodes the specified JobVerdict message. Does not implicitly {@link caroni.v1.JobVerdict.verify|verify} messages.
             * @function encode
             * @memberof caroni.v1.JobVerdict
             * @static
             * @param {caroni.v1.JobVerdict.$Properties} message JobVerdict message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobVerdict.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId") && message.jobId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.jobId);
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    $root.caroni.v1.JobRef.encode(message.ref, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.state);
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt") && message.attempt !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.attempt);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified JobVerdict message, length delimited. Does not implicitly {@link caroni.v1.JobVerdict.verify|verify} messages.
             * @function encodeDelimited
             * @memberof caroni.v1.JobVerdict
             * @static
             * @param {caroni.v1.JobVerdict.$Properties} message JobVerdict message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobVerdict.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a JobVerdict message from the specified reader or buffer.
             * @function decode
             * @memberof caroni.v1.JobVerdict
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {caroni.v1.JobVerdict & caroni.v1.JobVerdict.$Shape} JobVerdict
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobVerdict.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.caroni.v1.JobVerdict();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.jobId = value;
                            else
                                delete message.jobId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.ref = $root.caroni.v1.JobRef.decode(reader, reader.size(), $undefined, _depth + 1, message.ref);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.attempt = value;
                            else
                                delete message.attempt;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a JobVerdict message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof caroni.v1.JobVerdict
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {caroni.v1.JobVerdict & caroni.v1.JobVerdict.$Shape} JobVerdict
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobVerdict.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a JobVerdict message.
             * @function verify
             * @memberof caroni.v1.JobVerdict
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JobVerdict.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    if (!$util.isString(message.jobId))
                        return "jobId: string expected";
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref")) {
                    let error = $root.caroni.v1.JobRef.verify(message.ref, _depth + 1);
                    if (error)
                        return "ref." + error;
                }
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    if (typeof message.state !== "number" || (message.state | 0) !== message.state)
                        return "state: enum value expected";
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    if (!$util.isInteger(message.attempt))
                        return "attempt: integer expected";
                return null;
            };

            /**
             * Creates a JobVerdict message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof caroni.v1.JobVerdict
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {caroni.v1.JobVerdict} JobVerdict
             */
            JobVerdict.fromObject = function (object, _depth) {
                if (object instanceof $root.caroni.v1.JobVerdict)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".caroni.v1.JobVerdict: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.caroni.v1.JobVerdict();
                if (object.jobId != null)
                    if (typeof object.jobId !== "string" || object.jobId.length)
                        message.jobId = $String(object.jobId);
                if (object.ref != null) {
                    if (!$util.isObject(object.ref))
                        throw $TypeError(".caroni.v1.JobVerdict.ref: object expected");
                    message.ref = $root.caroni.v1.JobRef.fromObject(object.ref, _depth + 1);
                }
                if (object.state !== 0 && (typeof object.state !== "string" || $root.caroni.v1.JobVerdict.State[object.state] !== 0))
                    switch (object.state) {
                    case "STATE_UNSPECIFIED":
                    case 0:
                        message.state = 0;
                        break;
                    case "STATE_WAITING":
                    case 1:
                        message.state = 1;
                        break;
                    case "STATE_DONE":
                    case 2:
                        message.state = 2;
                        break;
                    case "STATE_UNKNOWN":
                    case 3:
                        message.state = 3;
                        break;
                    default:
                        if (typeof object.state === "number" && (object.state | 0) === object.state)
                            message.state = object.state;
                    }
                if (object.attempt != null)
                    if ($Number(object.attempt) !== 0)
                        message.attempt = object.attempt >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a JobVerdict message. Also converts values to other types if specified.
             * @function toObject
             * @memberof caroni.v1.JobVerdict
             * @static
             * @param {caroni.v1.JobVerdict} message JobVerdict
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JobVerdict.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.jobId = "";
                    object.ref = null;
                    object.state = options.enums === $String ? "STATE_UNSPECIFIED" : 0;
                    object.attempt = 0;
                }
                if (message.jobId != null && $Object.hasOwnProperty.call(message, "jobId"))
                    object.jobId = message.jobId;
                if (message.ref != null && $Object.hasOwnProperty.call(message, "ref"))
                    object.ref = $root.caroni.v1.JobRef.toObject(message.ref, options, _depth + 1);
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    object.state = options.enums === $String ? $root.caroni.v1.JobVerdict.State[message.state] === $undefined ? message.state : $root.caroni.v1.JobVerdict.State[message.state] : message.state;
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    object.attempt = message.attempt;
                return object;
            };

            /**
             * Converts this JobVerdict to JSON.
             * @function toJSON
             * @memberof caroni.v1.JobVerdict
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JobVerdict.prototype.toJSON = function() {
                return JobVerdict.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for JobVerdict
             * @function getTypeUrl
             * @memberof caroni.v1.JobVerdict
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            JobVerdict.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/caroni.v1.JobVerdict";
            };

            /**
             * State enum.
             * @name caroni.v1.JobVerdict.State
             * @enum {number}
             * @property {number} STATE_UNSPECIFIED=0 STATE_UNSPECIFIED value
             * @property {number} STATE_WAITING=1 STATE_WAITING value
             * @property {number} STATE_DONE=2 STATE_DONE value
             * @property {number} STATE_UNKNOWN=3 STATE_UNKNOWN value
             */
            JobVerdict.State = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "STATE_UNSPECIFIED"] = 0;
                values[valuesById[1] = "STATE_WAITING"] = 1;
                values[valuesById[2] = "STATE_DONE"] = 2;
                values[valuesById[3] = "STATE_UNKNOWN"] = 3;
                return values;
            })();

            return JobVerdict;
        })();

        return v1;
    })();

    return caroni;
})();

export const google = $root.google = (() => {

    /**
     * Namespace google.
     * @exports google
     * @namespace
     */
    const google = {};

    google.protobuf = (function() {

        /**
         * Namespace protobuf.
         * @memberof google
         * @namespace
         */
        const protobuf = {};

        protobuf.Struct = (function() {

            /**
             * Properties of a Struct.
             * @typedef {Object} google.protobuf.Struct.$Properties
             * @property {Object.<string,google.protobuf.Value.$Properties>|null} [fields] Struct fields
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Struct.
             * @memberof google.protobuf
             * @interface IStruct
             * @augments google.protobuf.Struct.$Properties
             * @deprecated Use google.protobuf.Struct.$Properties instead.
             */

            /**
             * Shape of a Struct.
             * @typedef {{
             *   fields?: Object.<string,google.protobuf.Value.$Shape>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} google.protobuf.Struct.$Shape
             */

            /**
             * Constructs a new Struct.
             * @memberof google.protobuf
             * @classdesc Represents a Struct.
             * @constructor
             * @param {google.protobuf.Struct.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Struct = function (properties) {
                this.fields = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Struct fields.
             * @member {Object.<string,google.protobuf.Value.$Properties>} fields
             * @memberof google.protobuf.Struct
             * @instance
             */
            Struct.prototype.fields = $util.emptyObject;

            /**
             * Creates a new Struct instance using the specified properties.
             * @function create
             * @memberof google.protobuf.Struct
             * @static
             * @param {google.protobuf.Struct.$Properties=} [properties] Properties to set
             * @returns {google.protobuf.Struct} Struct instance
             * @type {{
             *   (properties: google.protobuf.Struct.$Shape): google.protobuf.Struct & google.protobuf.Struct.$Shape;
             *   (properties?: google.protobuf.Struct.$Properties): google.protobuf.Struct;
             * }}
             */
            Struct.create = function(properties) {
                return new Struct(properties);
            };

            /**
             * Encodes the specified Struct message. Does not implicitly {@link google.protobuf.Struct.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.Struct
             * @static
             * @param {google.protobuf.Struct.$Properties} message Struct message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Struct.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.fields != null && $Object.hasOwnProperty.call(message, "fields"))
                    for (let keys = $Object.keys(message.fields), i = 0; i < keys.length; ++i) {
                        writer.uint32(/* id 1, wireType 2 =*/10).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]);
                        $root.google.protobuf.Value.encode(message.fields[keys[i]], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim().ldelim();
                    }
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Struct message, length delimited. Does not implicitly {@link google.protobuf.Struct.verify|verify} messages.
             * @function encodeDelimited
             * @memberof google.protobuf.Struct
             * @static
             * @param {google.protobuf.Struct.$Properties} message Struct message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Struct.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Struct message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.Struct
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.Struct & google.protobuf.Struct.$Shape} Struct
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Struct.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.Struct();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (message.fields === $util.emptyObject)
                                message.fields = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = null;
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = $root.google.protobuf.Value.decode(reader, reader.size(), $undefined, _depth + 1, value);
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.fields, key);
                            message.fields[key] = value || new $root.google.protobuf.Value();
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Struct message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof google.protobuf.Struct
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {google.protobuf.Struct & google.protobuf.Struct.$Shape} Struct
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Struct.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Struct message.
             * @function verify
             * @memberof google.protobuf.Struct
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Struct.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.fields != null && $Object.hasOwnProperty.call(message, "fields")) {
                    if (!$util.isObject(message.fields))
                        return "fields: object expected";
                    let key = $Object.keys(message.fields);
                    for (let i = 0; i < key.length; ++i) {
                        let error = $root.google.protobuf.Value.verify(message.fields[key[i]], _depth + 1);
                        if (error)
                            return "fields." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a Struct message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof google.protobuf.Struct
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {google.protobuf.Struct} Struct
             */
            Struct.fromObject = function (object, _depth) {
                if (object instanceof $root.google.protobuf.Struct)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".google.protobuf.Struct: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.google.protobuf.Struct();
                if (object.fields) {
                    if (!$util.isObject(object.fields))
                        throw $TypeError(".google.protobuf.Struct.fields: object expected");
                    message.fields = {};
                    for (let keys = $Object.keys(object.fields), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.fields, keys[i]);
                        if (!$util.isObject(object.fields[keys[i]]))
                            throw $TypeError(".google.protobuf.Struct.fields: object expected");
                        message.fields[keys[i]] = $root.google.protobuf.Value.fromObject(object.fields[keys[i]], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a Struct message. Also converts values to other types if specified.
             * @function toObject
             * @memberof google.protobuf.Struct
             * @static
             * @param {google.protobuf.Struct} message Struct
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Struct.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.objects || options.defaults)
                    object.fields = {};
                let keys2;
                if (message.fields && (keys2 = $Object.keys(message.fields)).length) {
                    object.fields = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.fields, keys2[j]);
                        object.fields[keys2[j]] = $root.google.protobuf.Value.toObject(message.fields[keys2[j]], options, _depth + 1);
                    }
                }
                return object;
            };

            /**
             * Converts this Struct to JSON.
             * @function toJSON
             * @memberof google.protobuf.Struct
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Struct.prototype.toJSON = function() {
                return Struct.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Struct
             * @function getTypeUrl
             * @memberof google.protobuf.Struct
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Struct.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/google.protobuf.Struct";
            };

            return Struct;
        })();

        protobuf.Value = (function() {

            /**
             * Properties of a Value.
             * @typedef {Object} google.protobuf.Value.$Properties
             * @property {google.protobuf.NullValue|null} [nullValue] Value nullValue
             * @property {number|null} [numberValue] Value numberValue
             * @property {string|null} [stringValue] Value stringValue
             * @property {boolean|null} [boolValue] Value boolValue
             * @property {google.protobuf.Struct.$Properties|null} [structValue] Value structValue
             * @property {google.protobuf.ListValue.$Properties|null} [listValue] Value listValue
             * @property {"nullValue"|"numberValue"|"stringValue"|"boolValue"|"structValue"|"listValue"} [kind] Value kind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Value.
             * @memberof google.protobuf
             * @interface IValue
             * @augments google.protobuf.Value.$Properties
             * @deprecated Use google.protobuf.Value.$Properties instead.
             */

            /**
             * Narrowed shape of a Value.
             * @typedef {{
             *   nullValue?: google.protobuf.NullValue|null;
             *   numberValue?: number|null;
             *   stringValue?: string|null;
             *   boolValue?: boolean|null;
             *   structValue?: google.protobuf.Struct.$Shape|null;
             *   listValue?: google.protobuf.ListValue.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ kind?: undefined; nullValue?: null; numberValue?: null; stringValue?: null; boolValue?: null; structValue?: null; listValue?: null }|{ kind?: "nullValue"; nullValue: google.protobuf.NullValue; numberValue?: null; stringValue?: null; boolValue?: null; structValue?: null; listValue?: null }|{ kind?: "numberValue"; nullValue?: null; numberValue: number; stringValue?: null; boolValue?: null; structValue?: null; listValue?: null }|{ kind?: "stringValue"; nullValue?: null; numberValue?: null; stringValue: string; boolValue?: null; structValue?: null; listValue?: null }|{ kind?: "boolValue"; nullValue?: null; numberValue?: null; stringValue?: null; boolValue: boolean; structValue?: null; listValue?: null }|{ kind?: "structValue"; nullValue?: null; numberValue?: null; stringValue?: null; boolValue?: null; structValue: google.protobuf.Struct.$Shape; listValue?: null }|{ kind?: "listValue"; nullValue?: null; numberValue?: null; stringValue?: null; boolValue?: null; structValue?: null; listValue: google.protobuf.ListValue.$Shape })
             * )} google.protobuf.Value.$Shape
             */

            /**
             * Constructs a new Value.
             * @memberof google.protobuf
             * @classdesc Represents a Value.
             * @constructor
             * @param {google.protobuf.Value.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Value = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Value nullValue.
             * @member {google.protobuf.NullValue|null|undefined} nullValue
             * @memberof google.protobuf.Value
             * @instance
             */
            Value.prototype.nullValue = null;

            /**
             * Value numberValue.
             * @member {number|null|undefined} numberValue
             * @memberof google.protobuf.Value
             * @instance
             */
            Value.prototype.numberValue = null;

            /**
             * Value stringValue.
             * @member {string|null|undefined} stringValue
             * @memberof google.protobuf.Value
             * @instance
             */
            Value.prototype.stringValue = null;

            /**
             * Value boolValue.
             * @member {boolean|null|undefined} boolValue
             * @memberof google.protobuf.Value
             * @instance
             */
            Value.prototype.boolValue = null;

            /**
             * Value structValue.
             * @member {google.protobuf.Struct.$Properties|null|undefined} structValue
             * @memberof google.protobuf.Value
             * @instance
             */
            Value.prototype.structValue = null;

            /**
             * Value listValue.
             * @member {google.protobuf.ListValue.$Properties|null|undefined} listValue
             * @memberof google.protobuf.Value
             * @instance
             */
            Value.prototype.listValue = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Value kind.
             * @member {"nullValue"|"numberValue"|"stringValue"|"boolValue"|"structValue"|"listValue"|undefined} kind
             * @memberof google.protobuf.Value
             * @instance
             */
            $Object.defineProperty(Value.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["nullValue", "numberValue", "stringValue", "boolValue", "structValue", "listValue"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Value instance using the specified properties.
             * @function create
             * @memberof google.protobuf.Value
             * @static
             * @param {google.protobuf.Value.$Properties=} [properties] Properties to set
             * @returns {google.protobuf.Value} Value instance
             * @type {{
             *   (properties: google.protobuf.Value.$Shape): google.protobuf.Value & google.protobuf.Value.$Shape;
             *   (properties?: google.protobuf.Value.$Properties): google.protobuf.Value;
             * }}
             */
            Value.create = function(properties) {
                return new Value(properties);
            };

            /**
             * Encodes the specified Value message. Does not implicitly {@link google.protobuf.Value.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.Value
             * @static
             * @param {google.protobuf.Value.$Properties} message Value message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Value.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nullValue != null && $Object.hasOwnProperty.call(message, "nullValue"))
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.nullValue);
                if (message.numberValue != null && $Object.hasOwnProperty.call(message, "numberValue"))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.numberValue);
                if (message.stringValue != null && $Object.hasOwnProperty.call(message, "stringValue"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.stringValue);
                if (message.boolValue != null && $Object.hasOwnProperty.call(message, "boolValue"))
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.boolValue);
                if (message.structValue != null && $Object.hasOwnProperty.call(message, "structValue"))
                    $root.google.protobuf.Struct.encode(message.structValue, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.listValue != null && $Object.hasOwnProperty.call(message, "listValue"))
                    $root.google.protobuf.ListValue.encode(message.listValue, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Value message, length delimited. Does not implicitly {@link google.protobuf.Value.verify|verify} messages.
             * @function encodeDelimited
             * @memberof google.protobuf.Value
             * @static
             * @param {google.protobuf.Value.$Properties} message Value message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Value.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Value message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.Value
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.Value & google.protobuf.Value.$Shape} Value
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Value.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.Value();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            message.nullValue = reader.int32();
                            message.kind = "nullValue";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            message.numberValue = reader.double();
                            message.kind = "numberValue";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.stringValue = reader.stringVerify();
                            message.kind = "stringValue";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            message.boolValue = reader.bool();
                            message.kind = "boolValue";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.structValue = $root.google.protobuf.Struct.decode(reader, reader.size(), $undefined, _depth + 1, message.structValue);
                            message.kind = "structValue";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.listValue = $root.google.protobuf.ListValue.decode(reader, reader.size(), $undefined, _depth + 1, message.listValue);
                            message.kind = "listValue";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Value message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof google.protobuf.Value
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {google.protobuf.Value & google.protobuf.Value.$Shape} Value
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Value.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Value message.
             * @function verify
             * @memberof google.protobuf.Value
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Value.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.nullValue != null && $Object.hasOwnProperty.call(message, "nullValue")) {
                    properties.kind = 1;
                    if (typeof message.nullValue !== "number" || (message.nullValue | 0) !== message.nullValue)
                        return "nullValue: enum value expected";
                }
                if (message.numberValue != null && $Object.hasOwnProperty.call(message, "numberValue")) {
                    if (properties.kind === 1)
                        return "kind: multiple values";
                    properties.kind = 1;
                    if (typeof message.numberValue !== "number")
                        return "numberValue: number expected";
                }
                if (message.stringValue != null && $Object.hasOwnProperty.call(message, "stringValue")) {
                    if (properties.kind === 1)
                        return "kind: multiple values";
                    properties.kind = 1;
                    if (!$util.isString(message.stringValue))
                        return "stringValue: string expected";
                }
                if (message.boolValue != null && $Object.hasOwnProperty.call(message, "boolValue")) {
                    if (properties.kind === 1)
                        return "kind: multiple values";
                    properties.kind = 1;
                    if (typeof message.boolValue !== "boolean")
                        return "boolValue: boolean expected";
                }
                if (message.structValue != null && $Object.hasOwnProperty.call(message, "structValue")) {
                    if (properties.kind === 1)
                        return "kind: multiple values";
                    properties.kind = 1;
                    {
                        let error = $root.google.protobuf.Struct.verify(message.structValue, _depth + 1);
                        if (error)
                            return "structValue." + error;
                    }
                }
                if (message.listValue != null && $Object.hasOwnProperty.call(message, "listValue")) {
                    if (properties.kind === 1)
                        return "kind: multiple values";
                    properties.kind = 1;
                    {
                        let error = $root.google.protobuf.ListValue.verify(message.listValue, _depth + 1);
                        if (error)
                            return "listValue." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a Value message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof google.protobuf.Value
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {google.protobuf.Value} Value
             */
            Value.fromObject = function (object, _depth) {
                if (object instanceof $root.google.protobuf.Value)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".google.protobuf.Value: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.google.protobuf.Value();
                switch (object.nullValue) {
                case "NULL_VALUE":
                case 0:
                    message.nullValue = 0;
                    break;
                default:
                    if (typeof object.nullValue === "number" && (object.nullValue | 0) === object.nullValue)
                        message.nullValue = object.nullValue;
                }
                if (object.numberValue != null)
                    message.numberValue = $Number(object.numberValue);
                if (object.stringValue != null)
                    message.stringValue = $String(object.stringValue);
                if (object.boolValue != null)
                    message.boolValue = $Boolean(object.boolValue);
                if (object.structValue != null) {
                    if (!$util.isObject(object.structValue))
                        throw $TypeError(".google.protobuf.Value.structValue: object expected");
                    message.structValue = $root.google.protobuf.Struct.fromObject(object.structValue, _depth + 1);
                }
                if (object.listValue != null) {
                    if (!$util.isObject(object.listValue))
                        throw $TypeError(".google.protobuf.Value.listValue: object expected");
                    message.listValue = $root.google.protobuf.ListValue.fromObject(object.listValue, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a Value message. Also converts values to other types if specified.
             * @function toObject
             * @memberof google.protobuf.Value
             * @static
             * @param {google.protobuf.Value} message Value
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Value.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (message.nullValue != null && $Object.hasOwnProperty.call(message, "nullValue")) {
                    object.nullValue = options.enums === $String ? $root.google.protobuf.NullValue[message.nullValue] === $undefined ? message.nullValue : $root.google.protobuf.NullValue[message.nullValue] : message.nullValue;
                    if (options.oneofs)
                        object.kind = "nullValue";
                }
                if (message.numberValue != null && $Object.hasOwnProperty.call(message, "numberValue")) {
                    object.numberValue = options.json && !$isFinite(message.numberValue) ? $String(message.numberValue) : message.numberValue;
                    if (options.oneofs)
                        object.kind = "numberValue";
                }
                if (message.stringValue != null && $Object.hasOwnProperty.call(message, "stringValue")) {
                    object.stringValue = message.stringValue;
                    if (options.oneofs)
                        object.kind = "stringValue";
                }
                if (message.boolValue != null && $Object.hasOwnProperty.call(message, "boolValue")) {
                    object.boolValue = message.boolValue;
                    if (options.oneofs)
                        object.kind = "boolValue";
                }
                if (message.structValue != null && $Object.hasOwnProperty.call(message, "structValue")) {
                    object.structValue = $root.google.protobuf.Struct.toObject(message.structValue, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "structValue";
                }
                if (message.listValue != null && $Object.hasOwnProperty.call(message, "listValue")) {
                    object.listValue = $root.google.protobuf.ListValue.toObject(message.listValue, options, _depth + 1);
                    if (options.oneofs)
                        object.kind = "listValue";
                }
                return object;
            };

            /**
             * Converts this Value to JSON.
             * @function toJSON
             * @memberof google.protobuf.Value
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Value.prototype.toJSON = function() {
                return Value.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Value
             * @function getTypeUrl
             * @memberof google.protobuf.Value
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Value.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/google.protobuf.Value";
            };

            return Value;
        })();

        /**
         * NullValue enum.
         * @name google.protobuf.NullValue
         * @enum {number}
         * @property {number} NULL_VALUE=0 NULL_VALUE value
         */
        protobuf.NullValue = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "NULL_VALUE"] = 0;
            return values;
        })();

        protobuf.ListValue = (function() {

            /**
             * Properties of a ListValue.
             * @typedef {Object} google.protobuf.ListValue.$Properties
             * @property {Array.<google.protobuf.Value.$Properties>|null} [values] ListValue values
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ListValue.
             * @memberof google.protobuf
             * @interface IListValue
             * @augments google.protobuf.ListValue.$Properties
             * @deprecated Use google.protobuf.ListValue.$Properties instead.
             */

            /**
             * Shape of a ListValue.
             * @typedef {{
             *   values?: Array.<google.protobuf.Value.$Shape>|null;
             *   $unknowns?: Array.<Uint8Array>;
             * }} google.protobuf.ListValue.$Shape
             */

            /**
             * Constructs a new ListValue.
             * @memberof google.protobuf
             * @classdesc Represents a ListValue.
             * @constructor
             * @param {google.protobuf.ListValue.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ListValue = function (properties) {
                this.values = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ListValue values.
             * @member {Array.<google.protobuf.Value.$Properties>} values
             * @memberof google.protobuf.ListValue
             * @instance
             */
            ListValue.prototype.values = $util.emptyArray;

            /**
             * Creates a new ListValue instance using the specified properties.
             * @function create
             * @memberof google.protobuf.ListValue
             * @static
             * @param {google.protobuf.ListValue.$Properties=} [properties] Properties to set
             * @returns {google.protobuf.ListValue} ListValue instance
             * @type {{
             *   (properties: google.protobuf.ListValue.$Shape): google.protobuf.ListValue & google.protobuf.ListValue.$Shape;
             *   (properties?: google.protobuf.ListValue.$Properties): google.protobuf.ListValue;
             * }}
             */
            ListValue.create = function(properties) {
                return new ListValue(properties);
            };

            /**
             * Encodes the specified ListValue message. Does not implicitly {@link google.protobuf.ListValue.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.ListValue
             * @static
             * @param {google.protobuf.ListValue.$Properties} message ListValue message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListValue.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.values != null && message.values.length)
                    for (let i = 0; i < message.values.length; ++i)
                        $root.google.protobuf.Value.encode(message.values[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ListValue message, length delimited. Does not implicitly {@link google.protobuf.ListValue.verify|verify} messages.
             * @function encodeDelimited
             * @memberof google.protobuf.ListValue
             * @static
             * @param {google.protobuf.ListValue.$Properties} message ListValue message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ListValue.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ListValue message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.ListValue
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.ListValue & google.protobuf.ListValue.$Shape} ListValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListValue.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.ListValue();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.values && message.values.length))
                                message.values = [];
                            message.values.push($root.google.protobuf.Value.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ListValue message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof google.protobuf.ListValue
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {google.protobuf.ListValue & google.protobuf.ListValue.$Shape} ListValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ListValue.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ListValue message.
             * @function verify
             * @memberof google.protobuf.ListValue
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ListValue.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.values != null && $Object.hasOwnProperty.call(message, "values")) {
                    if (!$Array.isArray(message.values))
                        return "values: array expected";
                    for (let i = 0; i < message.values.length; ++i) {
                        let error = $root.google.protobuf.Value.verify(message.values[i], _depth + 1);
                        if (error)
                            return "values." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a ListValue message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof google.protobuf.ListValue
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {google.protobuf.ListValue} ListValue
             */
            ListValue.fromObject = function (object, _depth) {
                if (object instanceof $root.google.protobuf.ListValue)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".google.protobuf.ListValue: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.google.protobuf.ListValue();
                if (object.values) {
                    if (!$Array.isArray(object.values))
                        throw $TypeError(".google.protobuf.ListValue.values: array expected");
                    message.values = $Array(object.values.length);
                    for (let i = 0; i < object.values.length; ++i) {
                        if (!$util.isObject(object.values[i]))
                            throw $TypeError(".google.protobuf.ListValue.values: object expected");
                        message.values[i] = $root.google.protobuf.Value.fromObject(object.values[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a ListValue message. Also converts values to other types if specified.
             * @function toObject
             * @memberof google.protobuf.ListValue
             * @static
             * @param {google.protobuf.ListValue} message ListValue
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ListValue.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.values = [];
                if (message.values && message.values.length) {
                    object.values = $Array(message.values.length);
                    for (let j = 0; j < message.values.length; ++j)
                        object.values[j] = $root.google.protobuf.Value.toObject(message.values[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this ListValue to JSON.
             * @function toJSON
             * @memberof google.protobuf.ListValue
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ListValue.prototype.toJSON = function() {
                return ListValue.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ListValue
             * @function getTypeUrl
             * @memberof google.protobuf.ListValue
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ListValue.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/google.protobuf.ListValue";
            };

            return ListValue;
        })();

        return protobuf;
    })();

    return google;
})();

export {
  $root as default
};
