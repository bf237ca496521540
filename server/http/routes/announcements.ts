import Type from 'typebox';
import { AppError } from '../../../common/errors.js';
import { VISITOR_LANGUAGES, type VisitorLanguage } from '../../../common/i18n/languages.js';
import { ANNOUNCEMENT_LOOKBACK_CALLS, todaysCall } from '../../app/calls.js';
import { sharedAnnouncer } from '../../speech/announcer.js';
import type { Api, RouteDeps } from '../api.js';
import { binaryReply, replies } from '../replies.js';

const AnnouncementParams = Type.Object(
  { number: Type.String({ minLength: 1, maxLength: 16, pattern: '^[\\p{L}\\p{N}]+$', description: "Today's ticket number, e.g. A017" }) },
  { additionalProperties: false },
);
const AnnouncementQuery = Type.Object(
  {
    lang: Type.Optional(
      Type.Union(
        VISITOR_LANGUAGES.map((l) => Type.Literal(l)),
        { description: "The visitor language spoken after German: the called ticket's own language (omit or \"de\" for German only)" },
      ),
    ),
    at: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$', description: 'The call instant (epoch ms) from ticket:called, to pick that very call' })),
  },
  { additionalProperties: false },
);

/**
 * The spoken announcement of a call as a WAV, made on the server with eSpeak
 * NG so every screen sounds the same. Keyed by the public ticket number (the
 * ticket id is the visitor's token and never reaches a screen); only today's
 * latest calls can be spoken, in German and the ticket's own language, so the
 * endpoint cannot be used to synthesise arbitrary text, and one client's
 * requests are made one at a time (Announcer), so they cannot crowd out a
 * screen's.
 */
export function announcementRoutes(app: Api, { office }: RouteDeps): void {
  const announcer = sharedAnnouncer();

  app.get(
    '/api/announcements/:number.wav',
    {
      schema: {
        tags: ['public'],
        summary: "Spoken announcement of one of today's latest calls (audio/wav): German, then the ticket's own language if asked",
        params: AnnouncementParams,
        querystring: AnnouncementQuery,
        response: replies({ 200: binaryReply<Buffer>('audio/wav', 'German, then the visitor language') }, 400, 404, 429),
      },
      config: { access: 'public.read', rateLimit: { max: 240, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const { number } = request.params;
      const at = request.query.at === undefined ? undefined : Number(request.query.at);
      const call = await todaysCall(office, number, at);
      if (!call) {
        throw new AppError('TICKET_NOT_FOUND', `Number ${number} is not among today's latest ${ANNOUNCEMENT_LOOKBACK_CALLS} calls.`);
      }
      const lang = request.query.lang;
      if (lang && lang !== 'de' && lang !== call.language) {
        throw new AppError('LANGUAGE_NOT_ANNOUNCED', `Number ${number} is announced in German and in ${call.language} only.`);
      }
      const languages: VisitorLanguage[] = lang && lang !== 'de' ? ['de', lang] : ['de'];
      const wav = await announcer.wav(call, languages, request.ip);
      return (
        reply
          .type('audio/wav')
          // The same number can be called again later (a recall, another counter): never reuse a stored copy.
          .header('cache-control', 'no-store')
          // A screen fetches a WAV a few times an hour: an idle keep-alive socket per screen buys nothing, and
          // socket.io's reconnect polls would ride on it into a server that is shutting down, keeping it open.
          .header('connection', 'close')
          .send(wav)
      );
    },
  );
}

